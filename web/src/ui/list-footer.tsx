/** Below a paginated table: loading and error states, and "Load more" while there is a next page. */
export function ListFooter({
  loading,
  error,
  hasMore,
  onLoadMore,
}: {
  loading: boolean
  error: string | null
  hasMore: boolean
  onLoadMore: () => void
}) {
  if (!loading && !error && !hasMore) return null
  return (
    <div className="list-footer">
      {error && (
        <p className="inline-error" role="alert">
          {error}
        </p>
      )}
      {loading && <p className="muted">Loading…</p>}
      {!loading && hasMore && (
        <button type="button" className="button" onClick={onLoadMore}>
          Load more
        </button>
      )}
    </div>
  )
}
