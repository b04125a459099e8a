import { getCustomerSatisfaction } from '../../api/index.js'
import { Link } from '../../router.js'
import { useSession } from '../../session.js'
import { formatDate } from '../../ui/format.js'
import { useResource } from '../../ui/use-resource.js'

const KINDS = [
  { key: 'nps', label: 'NPS', max: 10 },
  { key: 'csat', label: 'CSAT', max: 5 },
  { key: 'ces', label: 'CES', max: 7 },
] as const

/** The customer's latest NPS, CSAT and CES beside the value card. */
export function CustomerFeedbackCard({ customerId }: { customerId: string }) {
  const { can } = useSession()
  return can('feedback:read') ? <Body customerId={customerId} /> : null
}

function Body({ customerId }: { customerId: string }) {
  const scores = useResource(() => getCustomerSatisfaction(customerId), customerId)
  const s = scores.data
  return (
    <section className="card feedback-card" aria-labelledby="feedback-card-title">
      <div className="card-header">
        <h2 id="feedback-card-title">Satisfaction</h2>
        <Link href="/feedback/comments">All feedback</Link>
      </div>
      {scores.error && (
        <p className="inline-error" role="alert">
          {scores.error}
        </p>
      )}
      {s && !s.nps && !s.csat && !s.ces && <p className="muted">No survey answers yet.</p>}
      {s && (s.nps || s.csat || s.ces) && (
        <dl className="feedback-card-scores">
          {KINDS.map((k) => {
            const v = s[k.key]
            return v ? (
              <div key={k.key}>
                <dt>{k.label}</dt>
                <dd>
                  <strong>
                    {v.score}/{k.max}
                  </strong>{' '}
                  <span className="muted">{formatDate(v.answeredAt)}</span>
                </dd>
              </div>
            ) : null
          })}
        </dl>
      )}
    </section>
  )
}
