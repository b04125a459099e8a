import type { ImportJob } from '../../../api/index.js'
import { capitalize } from '../../../ui/format.js'
import { ListFooter } from '../../../ui/list-footer.js'
import type { PagedList } from '../../../ui/use-paged-list.js'
import { useWorkspaceFormat } from '../../../ui/use-workspace-format.js'

const BADGE: Record<ImportJob['status'], string> = {
  queued: 'badge badge-neutral',
  running: 'badge badge-accent',
  succeeded: 'badge badge-success',
  failed: 'badge badge-danger',
}

/** Earlier imports of this workspace, newest first; one opens its result above. */
export function RecentImports({
  list,
  selectedId,
  onSelect,
}: {
  list: PagedList<ImportJob>
  selectedId: string | null
  onSelect: (job: ImportJob) => void
}) {
  const f = useWorkspaceFormat()
  return (
    <section className="section" aria-labelledby="recent-imports-title">
      <div className="section-header">
        <h2 id="recent-imports-title">Recent imports</h2>
      </div>
      <div className="table-wrap">
        <table className="table table-stack">
          <caption className="visually-hidden">Recent imports</caption>
          <thead>
            <tr>
              <th scope="col">File</th>
              <th scope="col">Kind</th>
              <th scope="col">Started</th>
              <th scope="col">Status</th>
              <th scope="col" className="numeric">
                Rows
              </th>
              <th scope="col" className="numeric">
                Invalid
              </th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((job) => (
              <tr key={job.id} className={job.id === selectedId ? 'row-highlight' : undefined}>
                <th scope="row">
                  <button type="button" className="link-button" onClick={() => onSelect(job)}>
                    {job.fileName}
                  </button>
                </th>
                <td data-label="Kind">{capitalize(job.kind)}</td>
                <td data-label="Started">{f.dateTime(job.createdAt)}</td>
                <td data-label="Status">
                  <span className={BADGE[job.status]}>{job.status}</span>
                </td>
                <td data-label="Rows" className="numeric">
                  {f.number(job.rowsRead)}
                </td>
                <td data-label="Invalid" className="numeric">
                  {f.number(job.invalid)}
                </td>
              </tr>
            ))}
            {!list.loading && !list.error && list.items.length === 0 && (
              <tr>
                <td colSpan={6} className="table-empty">
                  No imports yet.
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      <ListFooter
        loading={list.loading}
        error={list.error}
        hasMore={list.hasMore}
        onLoadMore={list.loadMore}
      />
    </section>
  )
}
