import { getCustomer, getValueCard, listCases } from '../../../api/index.js'
import { Link } from '../../../router.js'
import { useSession } from '../../../session.js'
import { capitalize } from '../../../ui/format.js'
import { useResource } from '../../../ui/use-resource.js'
import { useWorkspaceFormat } from '../../../ui/use-workspace-format.js'
import { STATUS_LABELS } from '../service-labels.js'
import { Satisfaction } from './satisfaction.js'

const UNRESOLVED = 'new,open,waiting_on_customer,waiting_on_third_party'

/** Who is asking: tier, value, mood and their other open cases. */
export function CustomerPanel({
  customerId,
  caseId,
  refreshKey,
}: {
  customerId: string
  caseId: string
  refreshKey: string
}) {
  const { can } = useSession()
  const f = useWorkspaceFormat()
  const customer = useResource(() => getCustomer(customerId), customerId)
  const canValue = can('value:read')
  const value = useResource(
    () => (canValue ? getValueCard(customerId) : Promise.resolve(null)),
    `value:${customerId}`,
  )
  const others = useResource(
    () => listCases({ customer: customerId, status: UNRESOLVED, limit: 10 }),
    `others:${customerId}:${refreshKey}`,
  )
  const c = customer.data
  const otherCases = (others.data?.items ?? []).filter((o) => o.id !== caseId)

  return (
    <>
      <section className="card" aria-labelledby="customer-panel-title">
        <div className="card-header">
          <h2 id="customer-panel-title">Customer</h2>
          {c && (
            <Link href={`/customers/${c.id}`} className="button button-small">
              Open profile
            </Link>
          )}
        </div>
        {customer.error && (
          <p className="inline-error" role="alert">
            {customer.error}
          </p>
        )}
        {customer.loading && !c && <p className="muted">Loading…</p>}
        {c && (
          <dl className="facts">
            <div className="fact">
              <dt>Name</dt>
              <dd>{c.name}</dd>
            </div>
            <div className="fact">
              <dt>Tier</dt>
              <dd>{c.tier ? capitalize(c.tier) : <span className="muted">No tier</span>}</dd>
            </div>
            <div className="fact">
              <dt>Lifetime value</dt>
              <dd>
                {!canValue ? (
                  <span className="muted">Needs the value permission</span>
                ) : value.error ? (
                  <span className="inline-error">{value.error}</span>
                ) : value.data?.clv ? (
                  f.money(value.data.clv)
                ) : value.data ? (
                  <span className="muted">Not scored yet</span>
                ) : (
                  <span className="muted">…</span>
                )}
              </dd>
            </div>
            <div className="fact">
              <dt>Revenue</dt>
              <dd>{f.money(c.revenue)}</dd>
            </div>
            <div className="fact">
              <dt>Latest satisfaction</dt>
              <dd>
                <Satisfaction customerId={customerId} />
              </dd>
            </div>
            <div className="fact">
              <dt>Phones</dt>
              <dd>{c.phones.length ? c.phones.join(', ') : <span className="muted">—</span>}</dd>
            </div>
          </dl>
        )}
      </section>
      <section className="card" aria-labelledby="other-cases-title">
        <h2 id="other-cases-title" className="card-title">
          Other open cases
        </h2>
        {others.error && (
          <p className="inline-error" role="alert">
            {others.error}
          </p>
        )}
        {others.data && otherCases.length === 0 && <p className="muted">None: this is the only open case.</p>}
        <ul className="plain-list">
          {otherCases.map((o) => (
            <li key={o.id}>
              <Link href={`/service/cases/${o.id}`}>
                #{o.number} {o.subject}
              </Link>{' '}
              <span className="muted">{STATUS_LABELS[o.status]}</span>
            </li>
          ))}
        </ul>
      </section>
    </>
  )
}
