import { useCallback } from 'react'
import { listMergeHistory, type MergeHistoryEntry } from '../../../api/index.js'
import { Link } from '../../../router.js'
import { EmptyState } from '../../../ui/empty-state.js'
import { ListFooter } from '../../../ui/list-footer.js'
import { usePagedList } from '../../../ui/use-paged-list.js'
import { useWorkspaceFormat } from '../../../ui/use-workspace-format.js'

const PAGE_SIZE = 25

/** "3 purchases, 1 timeline event" from the rows moved per table. */
function movedText(moved: Record<string, number>, number: (n: number) => string): string {
  const parts = Object.entries(moved)
    .filter(([, n]) => n > 0)
    .sort(([x], [y]) => x.localeCompare(y))
    .map(([table, n]) => `${number(n)} ${table.replaceAll('_', ' ')}`)
  return parts.length ? parts.join(', ') : 'Nothing'
}

/** Every merge of the workspace, newest first: when, who, which customer into which, what moved. */
export function MergeHistoryTab() {
  const f = useWorkspaceFormat()
  const fetchPage = useCallback(
    (cursor: string | undefined) => listMergeHistory({ cursor, limit: PAGE_SIZE }),
    [],
  )
  const list = usePagedList<MergeHistoryEntry>(fetchPage)

  if (!list.loading && !list.error && list.items.length === 0)
    return (
      <EmptyState title="No merges yet">
        <p>
          Merges of duplicate customers appear here, with who merged them and what moved.{' '}
          <Link href="/customers/duplicates">See likely duplicates</Link>.
        </p>
      </EmptyState>
    )

  return (
    <section aria-labelledby="merge-history-title">
      <h2 id="merge-history-title" className="visually-hidden">
        Merge history
      </h2>
      <div className="table-wrap">
        <table className="table table-stack merge-history">
          <caption className="visually-hidden">Merges, newest first</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Merged customer</th>
              <th scope="col">Into</th>
              <th scope="col">By</th>
              <th scope="col">Moved</th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((m) => (
              <tr key={m.id}>
                <th scope="row">{f.dateTime(m.mergedAt)}</th>
                <td data-label="Merged customer">
                  {m.mergedName}
                  {m.mergedExternalId && <span className="cell-sub">{m.mergedExternalId}</span>}
                </td>
                <td data-label="Into">
                  {m.survivor ? (
                    <Link href={`/customers/${m.survivor.id}`}>{m.survivor.name}</Link>
                  ) : (
                    <span className="muted">Merged away since</span>
                  )}
                </td>
                <td data-label="By">{m.mergedByName ?? <span className="muted">API or system</span>}</td>
                <td data-label="Moved" className="wrap">
                  {movedText(m.moved, f.number)}
                </td>
              </tr>
            ))}
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
