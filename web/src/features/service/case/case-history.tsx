import { useCallback } from 'react'
import { type CaseEvent, listCaseHistory } from '../../../api/index.js'
import { ListFooter } from '../../../ui/list-footer.js'
import { usePagedList } from '../../../ui/use-paged-list.js'
import { useWorkspaceFormat } from '../../../ui/use-workspace-format.js'

/** Everything that happened to the case, in the order the API gives it. */
export function CaseHistory({ caseId, refreshKey }: { caseId: string; refreshKey: string }) {
  const f = useWorkspaceFormat()
  const fetchPage = useCallback(
    (cursor: string | undefined) => listCaseHistory(caseId, { cursor, limit: 50 }),
    [caseId],
  )
  const history = usePagedList<CaseEvent>(fetchPage, `${caseId}:${refreshKey}`)
  return (
    <section className="section" aria-labelledby="history-title">
      <div className="section-header">
        <h2 id="history-title">History</h2>
      </div>
      <ol className="timeline" aria-label="Case history">
        {history.items.map((e) => (
          <li key={e.id} className="timeline-item">
            <span className="timeline-dot" aria-hidden="true" />
            <div className="timeline-body">
              <div className="timeline-meta">
                <span className="badge badge-neutral">
                  {e.type.replace(/^case\./, '').replaceAll('_', ' ')}
                </span>
                <time dateTime={e.occurredAt}>{f.dateTime(e.occurredAt)}</time>
              </div>
              <p className="timeline-summary">{e.summary}</p>
            </div>
          </li>
        ))}
      </ol>
      {!history.loading && !history.error && history.items.length === 0 && (
        <p className="muted timeline-empty">Nothing recorded yet.</p>
      )}
      <ListFooter
        loading={history.loading}
        error={history.error}
        hasMore={history.hasMore}
        onLoadMore={history.loadMore}
      />
    </section>
  )
}
