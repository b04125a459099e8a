import { getCustomerSatisfaction, type SurveyScore } from '../../../api/index.js'
import { useSession } from '../../../session.js'
import { useResource } from '../../../ui/use-resource.js'
import { useWorkspaceFormat } from '../../../ui/use-workspace-format.js'

/** The customer's latest NPS, CSAT and CES answers, each with its date. */
export function Satisfaction({ customerId }: { customerId: string }) {
  const { me } = useSession()
  const f = useWorkspaceFormat()
  // The feedback permission is newer than the web app's permission list, so it is read as a string.
  const allowed = (me.permissions as readonly string[]).includes('feedback:read')
  const scores = useResource(
    () => (allowed ? getCustomerSatisfaction(customerId) : Promise.resolve(null)),
    `satisfaction:${customerId}:${allowed}`,
  )
  if (!allowed) return <span className="muted">Needs the feedback permission</span>
  if (scores.error) return <span className="inline-error">{scores.error}</span>
  const s = scores.data
  if (!s) return <span className="muted">…</span>
  const items: [string, SurveyScore][] = []
  if (s.nps) items.push(['NPS', s.nps])
  if (s.csat) items.push(['CSAT', s.csat])
  if (s.ces) items.push(['CES', s.ces])
  if (items.length === 0) return <span className="muted">No survey answers yet</span>
  return (
    <>
      {items.map(([label, score]) => (
        <span key={label} className="fact-line">
          {label} {score.score} <span className="muted">({f.date(score.answeredAt)})</span>
        </span>
      ))}
    </>
  )
}
