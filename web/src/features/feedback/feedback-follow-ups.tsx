import { useState } from 'react'
import { type LoopStatus, listFeedbackResponses, setLoopStatus } from '../../api/feedback.api.js'
import { errorMessage } from '../../api/index.js'
import { Link } from '../../router.js'
import { useSession } from '../../session.js'
import { useAnnounce } from '../../ui/status.js'
import { usePagedList } from '../../ui/use-paged-list.js'
import { ResponseList } from './response-list.js'

const STATES: LoopStatus[] = ['open', 'contacted', 'resolved']

/** Closed-loop follow-ups: every unhappy answer, its follow-up case and loop state. */
export function FeedbackFollowUps() {
  const [state, setState] = useState<LoopStatus | 'any'>('open')
  const { can } = useSession()
  const announce = useAnnounce()
  const list = usePagedList((cursor) => listFeedbackResponses({ loop: state, cursor, limit: 25 }), state)
  return (
    <section aria-label="Follow-ups">
      <div className="toolbar feedback-toolbar">
        <label>
          Loop{' '}
          <select value={state} onChange={(e) => setState(e.target.value as LoopStatus | 'any')}>
            <option value="any">All</option>
            {STATES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
      </div>
      <ResponseList
        list={list}
        empty="No follow-ups in this state."
        actions={(r) => (
          <div className="feedback-loop-actions">
            {r.followUpCaseId && <Link href={`/service/cases/${r.followUpCaseId}`}>Follow-up case</Link>}
            {can('feedback:write') && (
              <label>
                Loop{' '}
                <select
                  aria-label={`Loop state of ${r.customerName}'s answer`}
                  value={r.loopStatus ?? 'open'}
                  onChange={async (e) => {
                    const next = e.target.value as LoopStatus
                    try {
                      await setLoopStatus(r.id, next)
                      list.upsert({ ...r, loopStatus: next })
                      announce(`Marked ${next}.`)
                    } catch (err) {
                      announce(errorMessage(err))
                    }
                  }}
                >
                  {STATES.map((s) => (
                    <option key={s} value={s}>
                      {s}
                    </option>
                  ))}
                </select>
              </label>
            )}
          </div>
        )}
      />
    </section>
  )
}
