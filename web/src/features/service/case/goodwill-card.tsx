import { useSession } from '../../../session.js'
import { GrantDialog } from '../../empowerment/grant-dialog.js'

/** Goodwill for this customer on this case, within the agent's authority (the empowerment dialog). */
export function GoodwillCard({
  customerId,
  caseId,
  onGranted,
}: {
  customerId: string
  caseId: string
  onGranted: () => void
}) {
  const { can } = useSession()
  if (!can('grants:write')) return null
  return (
    <section className="card" aria-labelledby="goodwill-title">
      <div className="card-header">
        <h2 id="goodwill-title">Goodwill</h2>
        <GrantDialog customerId={customerId} caseId={caseId} onDone={onGranted} />
      </div>
      <p className="muted">Make it right on the spot: refund, credit, gift or upgrade within your limits.</p>
    </section>
  )
}
