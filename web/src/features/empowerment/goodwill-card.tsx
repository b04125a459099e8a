import { getAuthority, listApprovals, listLedger } from '../../api/empowerment.api.js'
import { Link } from '../../router.js'
import { useSession } from '../../session.js'
import { useResource } from '../../ui/use-resource.js'
import { useWorkspaceFormat } from '../../ui/use-workspace-format.js'
import { GrantDialog } from './grant-dialog.js'

/** Goodwill on the customer page: authority left, recent grants, open requests, and the grant dialog. */
export function GoodwillCard({ customerId }: { customerId: string }) {
  const { can } = useSession()
  return can('grants:read') ? <GoodwillBody customerId={customerId} /> : null
}

function GoodwillBody({ customerId }: { customerId: string }) {
  const { can } = useSession()
  const fmt = useWorkspaceFormat()
  const grants = useResource(() => listLedger({ customer: customerId, limit: 5 }), customerId)
  const pending = useResource(
    () => listApprovals({ customer: customerId, status: 'pending', limit: 5 }),
    customerId,
  )
  const authority = useResource(
    () => (can('grants:write') ? getAuthority(customerId) : Promise.resolve(null)),
    customerId,
  )
  const reload = () => {
    grants.reload()
    pending.reload()
    authority.reload()
  }
  return (
    <section className="card goodwill-card" aria-labelledby="goodwill-title">
      <div className="card-header">
        <h2 id="goodwill-title">Goodwill</h2>
        <GrantDialog customerId={customerId} onDone={reload} />
      </div>
      {authority.data && (
        <p className="muted">
          {authority.data.remaining == null
            ? 'You may grant without approval.'
            : `You may grant up to ${fmt.money(authority.data.remaining)} without approval.`}
        </p>
      )}
      {grants.error && (
        <p className="inline-error" role="alert">
          {grants.error}
        </p>
      )}
      {grants.data && grants.data.items.length === 0 && <p className="muted">No goodwill granted yet.</p>}
      {grants.data && grants.data.items.length > 0 && (
        <ul className="goodwill-list" aria-label="Recent grants">
          {grants.data.items.map((g) => (
            <li key={g.id}>
              <span>
                {g.actionName} · {fmt.date(g.occurredAt)}
                {g.approverName ? ` · approved by ${g.approverName}` : ''}
              </span>
              <strong>{fmt.money(g.amount)}</strong>
            </li>
          ))}
        </ul>
      )}
      {pending.data && pending.data.items.length > 0 && (
        <p className="goodwill-pending">
          {pending.data.items.length} request{pending.data.items.length === 1 ? '' : 's'} awaiting approval (
          {pending.data.items.map((a) => fmt.money(a.amount)).join(', ')})
        </p>
      )}
      <p>
        <Link href={`/empowerment/ledger?customer=${customerId}`}>Ledger for this customer</Link>
      </p>
    </section>
  )
}
