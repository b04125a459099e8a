import { type FormEvent, useState } from 'react'
import { type Case, errorMessage, listCases, mergeCase } from '../../../api/index.js'
import { TextField } from '../../../ui/field.js'
import { sentence } from '../../../ui/format.js'
import { useAnnounce } from '../../../ui/status.js'

/** Merges a duplicate (found by its number) into this case. */
export function MergeCard({ kase: c, onMerged }: { kase: Case; onMerged: (c: Case) => void }) {
  const announce = useAnnounce()
  const [number, setNumber] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const n = number.trim().replace(/^#/, '')
    if (!/^\d+$/.test(n)) {
      setError('Give the number of the duplicate case.')
      return
    }
    setBusy(true)
    setError(null)
    try {
      const found = (await listCases({ q: n, limit: 5 })).items.find((x) => String(x.number) === n)
      if (!found) throw new Error(`There is no case #${n}.`)
      if (found.id === c.id) throw new Error('A case cannot be merged into itself.')
      const next = await mergeCase(c.id, found.id)
      setNumber('')
      announce(`Case #${n} has been merged into #${c.number}.`)
      onMerged(next)
    } catch (err) {
      setError(sentence(errorMessage(err)))
    } finally {
      setBusy(false)
    }
  }

  return (
    <section className="card" aria-labelledby="merge-title">
      <h2 id="merge-title" className="card-title">
        Merge a duplicate
      </h2>
      <form className="form" onSubmit={submit} noValidate>
        <TextField
          label="Duplicate case number"
          value={number}
          inputMode="numeric"
          onChange={(e) => setNumber(e.target.value)}
          error={error ?? undefined}
          hint="Its conversation moves here and it is closed."
        />
        <div className="button-row">
          <button type="submit" className="button button-small" disabled={busy}>
            Merge into this case
          </button>
        </div>
      </form>
    </section>
  )
}
