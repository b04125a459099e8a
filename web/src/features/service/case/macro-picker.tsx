import { useState } from 'react'
import { errorMessage, listMacros, type Macro, renderMacro } from '../../../api/index.js'
import { sentence } from '../../../ui/format.js'
import { useResource } from '../../../ui/use-resource.js'

/** Picks a macro for the case's category and fills it in for this case (customer, number, agent). */
export function MacroPicker({
  caseId,
  category,
  onPicked,
}: {
  caseId: string
  category: string | null
  onPicked: (macro: { id: string; body: string; visibility: Macro['visibility'] }) => void
}) {
  const macros = useResource(() => listMacros(category), `macros:${category ?? ''}`)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const pick = async (id: string) => {
    if (!id) return
    setBusy(true)
    setError(null)
    try {
      const rendered = await renderMacro(caseId, id)
      onPicked({ id, body: rendered.body, visibility: rendered.visibility })
    } catch (err) {
      setError(sentence(errorMessage(err)))
    } finally {
      setBusy(false)
    }
  }

  const items = macros.data?.items ?? []
  return (
    <div className="macro-picker">
      <label htmlFor="macro-select" className="visually-hidden">
        Macro
      </label>
      <select
        id="macro-select"
        className="input input-compact"
        value=""
        disabled={busy || items.length === 0}
        onChange={(e) => void pick(e.target.value)}
      >
        <option value="">{items.length ? 'Insert a macro…' : 'No macros for this case'}</option>
        {items.map((m) => (
          <option key={m.id} value={m.id}>
            {m.name}
            {m.visibility === 'internal' ? ' (note)' : ''}
          </option>
        ))}
      </select>
      {(error ?? macros.error) && (
        <p className="field-error" role="alert">
          {error ?? macros.error}
        </p>
      )}
    </div>
  )
}
