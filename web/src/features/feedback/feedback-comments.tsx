import { useState } from 'react'
import { listFeedbackResponses, type SurveyKind, tagAsIdea } from '../../api/feedback.api.js'
import { errorMessage } from '../../api/index.js'
import { useSession } from '../../session.js'
import { useAnnounce } from '../../ui/status.js'
import { usePagedList } from '../../ui/use-paged-list.js'
import { ResponseList } from './response-list.js'

/** The comment browser: answers with a comment, newest first, filterable; file one as an idea. */
export function FeedbackComments() {
  const [kind, setKind] = useState<SurveyKind | ''>('')
  const [q, setQ] = useState('')
  const { can } = useSession()
  const announce = useAnnounce()
  const list = usePagedList(
    (cursor) =>
      listFeedbackResponses({
        withComment: 'true',
        kind: kind || undefined,
        q: q.trim() || undefined,
        cursor,
        limit: 25,
      }),
    `${kind}|${q}`,
  )
  return (
    <section aria-label="Comments">
      <div className="toolbar feedback-toolbar">
        <label>
          Score{' '}
          <select value={kind} onChange={(e) => setKind(e.target.value as SurveyKind | '')}>
            <option value="">All</option>
            <option value="nps">NPS</option>
            <option value="csat">CSAT</option>
            <option value="ces">CES</option>
          </select>
        </label>
        <label>
          Search comments <input type="search" value={q} onChange={(e) => setQ(e.target.value)} />
        </label>
      </div>
      <ResponseList
        list={list}
        empty="No comments yet."
        actions={(r) =>
          can('feedback:write') && !r.ideaId && r.comment ? (
            <button
              type="button"
              className="button button-quiet button-small"
              onClick={async () => {
                try {
                  await tagAsIdea(r.id, (r.comment ?? '').slice(0, 120))
                  list.upsert({ ...r, ideaId: 'tagged' })
                  announce('Filed as an idea.')
                } catch (err) {
                  announce(errorMessage(err))
                }
              }}
            >
              File as idea
            </button>
          ) : null
        }
      />
    </section>
  )
}
