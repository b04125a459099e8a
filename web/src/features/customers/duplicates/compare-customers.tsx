import { useId, useState } from 'react'
import {
  type Customer,
  type DuplicatePair,
  errorMessage,
  getCustomer,
  isApiError,
  mergeCustomer,
} from '../../../api/index.js'
import { Link } from '../../../router.js'
import { useSession } from '../../../session.js'
import { useConfirm } from '../../../ui/confirm-dialog.js'
import { useAnnounce } from '../../../ui/status.js'
import { useResource } from '../../../ui/use-resource.js'
import { useWorkspaceFormat } from '../../../ui/use-workspace-format.js'
import { named, reasonsText } from './duplicate-reasons.js'

type Side = 'a' | 'b'

/** The older record (created first) is the usual survivor: other systems may already point at it. */
const olderSide = (a: Customer, b: Customer): Side => (a.createdAt <= b.createdAt ? 'a' : 'b')

/** Two likely duplicates side by side: pick the one that stays, then merge the other into it. */
export function CompareCustomers({
  pair,
  onClose,
  onMerged,
}: {
  pair: DuplicatePair
  onClose: () => void
  onMerged: (mergedId: string) => void
}) {
  const id = useId()
  const f = useWorkspaceFormat()
  const announce = useAnnounce()
  const { can } = useSession()
  const { confirm, dialog } = useConfirm()
  const both = useResource(
    () => Promise.all([getCustomer(pair.a.id), getCustomer(pair.b.id)]),
    `${pair.a.id}:${pair.b.id}`,
  )
  const [chosen, setChosen] = useState<Side | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const [a, b] = both.data ?? []
  const survivorSide = chosen ?? (a && b ? olderSide(a, b) : 'a')
  const survivor = survivorSide === 'a' ? a : b
  const merged = survivorSide === 'a' ? b : a

  const merge = async () => {
    if (!survivor || !merged) return
    const ok = await confirm({
      title: `Merge ${named(merged)} into ${named(survivor)}?`,
      body:
        `${merged.name} goes away as a separate customer. Their ${f.number(merged.ordersCount)} ` +
        `${merged.ordersCount === 1 ? 'purchase' : 'purchases'} (${f.money(merged.revenue)}), timeline, contacts, ` +
        `emails, phones and tags move to ${survivor.name}, who stays. The merge history keeps a record.`,
      confirmLabel: 'Merge customers',
    })
    if (!ok) return
    setBusy(true)
    setError(null)
    try {
      const result = await mergeCustomer(survivor.id, merged.id)
      const moved = Object.values(result.moved).reduce((n, m) => n + m, 0)
      announce(`${merged.name} has been merged into ${survivor.name} (${f.number(moved)} rows moved).`)
      onMerged(merged.id)
    } catch (err) {
      setError(errorMessage(err))
      if (isApiError(err) && err.status === 404) both.reload()
    } finally {
      setBusy(false)
    }
  }

  const rows: { label: string; value: (c: Customer) => string }[] = [
    { label: 'External id', value: (c) => c.externalId ?? '—' },
    { label: 'Kind', value: (c) => (c.kind === 'organisation' ? 'Organisation' : 'Person') },
    { label: 'Emails', value: (c) => c.emails.join(', ') || '—' },
    { label: 'Phones', value: (c) => c.phones.join(', ') || '—' },
    { label: 'Country', value: (c) => c.country ?? '—' },
    { label: 'Stage', value: (c) => c.lifecycleStage },
    { label: 'Orders', value: (c) => f.number(c.ordersCount) },
    { label: 'Revenue', value: (c) => f.money(c.revenue) },
    { label: 'Last purchase', value: (c) => (c.lastPurchaseAt ? f.date(c.lastPurchaseAt) : '—') },
    { label: 'Created', value: (c) => f.date(c.createdAt) },
  ]

  return (
    <section className="card compare-customers" aria-labelledby={`${id}-title`}>
      <div className="section-header">
        <div>
          <h3 id={`${id}-title`}>
            {pair.a.name} and {pair.b.name}
          </h3>
          <p className="muted">{reasonsText(pair.reasons).join('; ')}</p>
        </div>
        <button type="button" className="button button-small" onClick={onClose}>
          Close
        </button>
      </div>
      {both.error && (
        <p className="inline-error" role="alert">
          {both.error}
        </p>
      )}
      {both.loading && !both.data && <p className="muted">Loading both customers…</p>}
      {a && b && (
        <fieldset className="compare-fieldset">
          <legend className="visually-hidden">Which customer stays</legend>
          <div className="table-wrap">
            <table className="table compare-table">
              <caption className="visually-hidden">The two customers side by side</caption>
              <thead>
                <tr>
                  <th scope="col">
                    <span className="visually-hidden">Field</span>
                  </th>
                  {([a, b] as const).map((c, i) => {
                    const side: Side = i === 0 ? 'a' : 'b'
                    return (
                      <th key={c.id} scope="col">
                        <Link href={`/customers/${c.id}`}>{c.name}</Link>
                        <label className="radio compare-keep">
                          <input
                            type="radio"
                            name={`${id}-survivor`}
                            checked={survivorSide === side}
                            onChange={() => setChosen(side)}
                          />
                          Keep this one
                        </label>
                      </th>
                    )
                  })}
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.label} className={r.value(a) === r.value(b) ? undefined : 'compare-differs'}>
                    <th scope="row">{r.label}</th>
                    <td className="wrap">{r.value(a)}</td>
                    <td className="wrap">{r.value(b)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </fieldset>
      )}
      {survivor && merged && (
        <div className="form-footer">
          <div aria-live="polite">{error && <p className="inline-error">{error}</p>}</div>
          {can('customers:write') ? (
            <button
              type="button"
              className="button button-primary"
              disabled={busy}
              onClick={() => void merge()}
            >
              {busy ? 'Merging…' : `Merge ${named(merged)} into ${named(survivor)}`}
            </button>
          ) : (
            <p className="muted">Merging needs the customers:write permission.</p>
          )}
        </div>
      )}
      {dialog}
    </section>
  )
}
