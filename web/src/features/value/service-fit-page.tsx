import { useCallback, useState } from 'react'
import { getServiceFit, getServiceFitSettings, type ServiceFitItem } from '../../api/index.js'
import { Link } from '../../router.js'
import { useSession } from '../../session.js'
import { capitalize } from '../../ui/format.js'
import { ListFooter } from '../../ui/list-footer.js'
import { usePagedList } from '../../ui/use-paged-list.js'
import { useResource } from '../../ui/use-resource.js'
import { useWorkspaceFormat } from '../../ui/use-workspace-format.js'
import { ServiceFitSettingsForm } from './service-fit-settings-form.js'
import { formatPercent } from './value-format.js'

type Kind = 'over' | 'under'

const KINDS: { id: Kind; label: string }[] = [
  { id: 'over', label: 'Over-served' },
  { id: 'under', label: 'Under-served' },
]

const REASONS: Record<string, string> = {
  cost_above_share: 'cost above share of margin',
  negative_margin: 'negative margin',
  inactive: 'no recent purchase',
}

const reasonText = (r: string) => REASONS[r] ?? r.replaceAll('_', ' ')

/** /value/service-fit: customers who cost more to serve than they bring, and valuable ones left waiting. */
export function ServiceFitPage() {
  const f = useWorkspaceFormat()
  const { can } = useSession()
  const [kind, setKind] = useState<Kind>('over')
  const settings = useResource(getServiceFitSettings, 'service-fit-settings')
  const fetchPage = useCallback(
    (cursor: string | undefined) => getServiceFit(kind, { cursor, limit: 50 }),
    [kind],
  )
  // New thresholds change who is listed: the key refetches the first page.
  const list = usePagedList<ServiceFitItem>(fetchPage, `${kind}:${JSON.stringify(settings.data)}`)
  const s = settings.data
  const title = kind === 'over' ? 'Over-served customers' : 'Under-served customers'
  return (
    <section className="section" aria-labelledby="fit-title">
      <div className="section-header">
        <div>
          <h2 id="fit-title">{title}</h2>
          {s && (
            <p className="muted">
              {kind === 'over'
                ? `Cost-to-serve above ${formatPercent(s.overServedShare)} of gross margin, the largest excess first.`
                : `${s.underServedTiers.map(capitalize).join(' and ')} customers with no purchase for ${s.inactiveDays} days or a service signal (breaches, low satisfaction), highest CLV first.`}
            </p>
          )}
        </div>
        <fieldset className="segmented">
          <legend className="visually-hidden">Show</legend>
          {KINDS.map((k) => (
            <button
              key={k.id}
              type="button"
              className="segmented-item"
              aria-pressed={kind === k.id}
              onClick={() => setKind(k.id)}
            >
              {k.label}
            </button>
          ))}
        </fieldset>
      </div>
      {s && can('value:configure') && <ServiceFitSettingsForm settings={s} onSaved={settings.set} />}
      <div className="table-wrap">
        <table className="table table-stack">
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">Customer</th>
              <th scope="col">Why</th>
              <th scope="col" className="numeric">
                CLV
              </th>
              <th scope="col" className="numeric">
                Gross margin
              </th>
              <th scope="col" className="numeric">
                Cost-to-serve
              </th>
              <th scope="col" className="numeric">
                Cost share
              </th>
              <th scope="col" className="numeric">
                Net profit
              </th>
              <th scope="col">Last purchase</th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((c) => (
              <tr key={c.id}>
                <td data-label="Customer">
                  <Link href={`/customers/${c.customerId}`} className="cell-title">
                    {c.name}
                  </Link>
                  <span className="cell-sub">
                    {[c.tier && capitalize(c.tier), c.externalId].filter(Boolean).join(' · ')}
                  </span>
                </td>
                <td data-label="Why">{c.reasons.map(reasonText).join(', ')}</td>
                <td data-label="CLV" className="numeric">
                  {f.money(c.clv)}
                </td>
                <td data-label="Gross margin" className="numeric">
                  {f.money(c.grossMargin)}
                </td>
                <td data-label="Cost-to-serve" className="numeric">
                  {f.money(c.costToServe)}
                </td>
                <td data-label="Cost share" className="numeric">
                  {formatPercent(c.costShare)}
                </td>
                <td data-label="Net profit" className="numeric">
                  {f.money(c.netProfit)}
                </td>
                <td data-label="Last purchase">{c.lastPurchaseAt ? f.date(c.lastPurchaseAt) : '—'}</td>
              </tr>
            ))}
            {!list.loading && !list.error && list.items.length === 0 && (
              <tr>
                <td colSpan={8} className="table-empty">
                  {kind === 'over' ? 'Nobody is over-served.' : 'Nobody is under-served.'}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      <ListFooter
        loading={list.loading}
        error={list.error}
        hasMore={list.hasMore}
        onLoadMore={list.loadMore}
      />
    </section>
  )
}
