import { useCallback, useState } from 'react'
import { type Approval, decideApproval, listApprovals } from '../../api/empowerment.api.js'
import { errorMessage } from '../../api/index.js'
import { Link } from '../../router.js'
import { useSession } from '../../session.js'
import { ListFooter } from '../../ui/list-footer.js'
import { useAnnounce } from '../../ui/status.js'
import { usePagedList } from '../../ui/use-paged-list.js'
import { useWorkspaceFormat } from '../../ui/use-workspace-format.js'

/** The approver's inbox: requests routed to a role the caller may decide, oldest risk first. */
export function ApprovalsInbox() {
  const { can } = useSession()
  const canDecide = can('approvals:decide')
  const [status, setStatus] = useState(canDecide ? 'inbox' : 'pending')
  const fetchPage = useCallback(
    (cursor: string | undefined) =>
      listApprovals(
        status === 'inbox'
          ? { forMe: 'true', cursor, limit: 50 }
          : { status: status || undefined, cursor, limit: 50 },
      ),
    [status],
  )
  const list = usePagedList<Approval>(fetchPage, status)
  return (
    <section className="section" aria-labelledby="approvals-title">
      <div className="section-header">
        <div>
          <h2 id="approvals-title">Approvals</h2>
          <p className="muted">
            Goodwill requests above the requester's authority. Approving executes the grant.
          </p>
        </div>
        <label className="inline-field">
          Show{' '}
          <select className="input" value={status} onChange={(e) => setStatus(e.target.value)}>
            {canDecide && <option value="inbox">Waiting for me</option>}
            <option value="pending">All pending</option>
            <option value="approved">Approved</option>
            <option value="denied">Denied</option>
            <option value="expired">Expired</option>
            <option value="">All</option>
          </select>
        </label>
      </div>
      <ul className="approval-list">
        {list.items.map((a) => (
          <ApprovalItem key={a.id} approval={a} canDecide={canDecide} onDecided={list.upsert} />
        ))}
      </ul>
      {!list.loading && !list.error && list.items.length === 0 && (
        <p className="muted">{status === 'inbox' ? 'Nothing is waiting for you.' : 'No requests.'}</p>
      )}
      <ListFooter
        loading={list.loading}
        error={list.error}
        hasMore={list.hasMore}
        onLoadMore={list.loadMore}
      />
    </section>
  )
}

function ApprovalItem({
  approval: a,
  canDecide,
  onDecided,
}: {
  approval: Approval
  canDecide: boolean
  onDecided: (a: Approval) => void
}) {
  const fmt = useWorkspaceFormat()
  const announce = useAnnounce()
  const [reason, setReason] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const decide = async (decision: 'approve' | 'deny') => {
    setBusy(true)
    setError(null)
    try {
      const done = await decideApproval(a.id, decision, reason)
      onDecided(done)
      announce(`${decision === 'approve' ? 'Approved' : 'Denied'}: ${a.actionName} for ${a.customerName}.`)
    } catch (err) {
      setError(errorMessage(err))
    } finally {
      setBusy(false)
    }
  }
  return (
    <li
      className="card approval-item"
      aria-label={`Request ${a.actionName} ${a.amount} for ${a.customerName}`}
    >
      <div className="card-header">
        <h3>
          {a.actionName} · {fmt.money(a.amount)}
        </h3>
        <span
          className={`badge ${a.status === 'pending' ? 'badge-accent' : a.status === 'approved' ? 'badge-success' : 'badge-neutral'}`}
        >
          {a.status}
        </span>
      </div>
      <p>
        For <Link href={`/customers/${a.customerId}`}>{a.customerName ?? 'a customer'}</Link>, asked by{' '}
        {a.requestedByName ?? a.requestedRole} on {fmt.dateTime(a.createdAt)} · goes to a {a.routeToRole} ·
        expires {fmt.dateTime(a.expiresAt)}
      </p>
      <p className="approval-reason">“{a.reason}”</p>
      {a.decisionReason && (
        <p className="muted">
          {a.status} by {a.decidedByName ?? 'someone'}: {a.decisionReason}
        </p>
      )}
      {canDecide && a.status === 'pending' && (
        <form
          className="approval-decide"
          onSubmit={(e) => {
            e.preventDefault()
          }}
        >
          <label className="visually-hidden" htmlFor={`reason-${a.id}`}>
            Reason for the decision
          </label>
          <input
            id={`reason-${a.id}`}
            className="input"
            placeholder="Reason (the agent sees it)"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
          <button
            type="button"
            className="button button-primary"
            disabled={busy || !reason.trim()}
            onClick={() => void decide('approve')}
          >
            Approve
          </button>
          <button
            type="button"
            className="button"
            disabled={busy || !reason.trim()}
            onClick={() => void decide('deny')}
          >
            Deny
          </button>
        </form>
      )}
      {error && (
        <p className="inline-error" role="alert">
          {error}
        </p>
      )}
    </li>
  )
}
