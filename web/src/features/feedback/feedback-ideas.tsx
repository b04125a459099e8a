import { IDEA_STATUSES, type IdeaStatus, listIdeas, updateIdea } from '../../api/feedback.api.js'
import { errorMessage } from '../../api/index.js'
import { Link } from '../../router.js'
import { useSession } from '../../session.js'
import { useAnnounce } from '../../ui/status.js'
import { useResource } from '../../ui/use-resource.js'

/** The ideas inbox: most asked first, with who asked and a status. */
export function FeedbackIdeas() {
  const ideas = useResource(() => listIdeas(), 'ideas')
  const { can } = useSession()
  const announce = useAnnounce()
  const items = ideas.data?.items ?? []
  return (
    <section aria-label="Ideas">
      {ideas.error && (
        <p className="inline-error" role="alert">
          {ideas.error}
        </p>
      )}
      {ideas.data && items.length === 0 && <p className="muted">No ideas yet.</p>}
      <ul className="feedback-responses">
        {items.map((idea) => (
          <li key={idea.id} className="card feedback-response">
            <div className="feedback-response-head">
              <strong>{idea.title}</strong>
              <span className="muted">
                asked by {idea.askedBy.length} {idea.askedBy.length === 1 ? 'customer' : 'customers'}
              </span>
              <select
                aria-label={`Status of ${idea.title}`}
                value={idea.status}
                disabled={!can('feedback:write')}
                onChange={async (e) => {
                  try {
                    await updateIdea(idea.id, e.target.value as IdeaStatus)
                    ideas.reload()
                    announce('Idea updated.')
                  } catch (err) {
                    announce(errorMessage(err))
                  }
                }}
              >
                {IDEA_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {s.replace('_', ' ')}
                  </option>
                ))}
              </select>
            </div>
            <p className="feedback-askers">
              {idea.askedBy.slice(0, 10).map((a, i) => (
                <span key={a.responseId}>
                  {i > 0 && ', '}
                  <Link href={`/customers/${a.customerId}`}>{a.customerName}</Link>
                </span>
              ))}
            </p>
          </li>
        ))}
      </ul>
    </section>
  )
}
