import type { Segment } from '../../../api/index.js'
import { useWorkspaceFormat } from '../../../ui/use-workspace-format.js'

/** "All customers" and each saved segment with its live count; picking one applies its filter. */
export function SegmentList({
  segments,
  activeId,
  loading,
  error,
  onPick,
}: {
  segments: Segment[]
  activeId: string | null
  loading: boolean
  error: string | null
  onPick: (segment: Segment | null) => void
}) {
  const format = useWorkspaceFormat()
  return (
    <nav className="segment-list" aria-label="Segments">
      <h2 className="segment-heading">Segments</h2>
      <ul>
        <li>
          <button
            type="button"
            className="segment-item"
            aria-current={activeId === null ? 'true' : undefined}
            onClick={() => onPick(null)}
          >
            <span className="segment-name">All customers</span>
          </button>
        </li>
        {segments.map((segment) => (
          <li key={segment.id}>
            <button
              type="button"
              className="segment-item"
              aria-current={activeId === segment.id ? 'true' : undefined}
              onClick={() => onPick(segment)}
            >
              <span className="segment-name">{segment.name}</span>
              {segment.count !== null && (
                <span className="segment-count" title="Customers in this segment now">
                  {format.number(segment.count)}
                </span>
              )}
            </button>
          </li>
        ))}
      </ul>
      {loading && segments.length === 0 && <p className="muted segment-note">Loading…</p>}
      {error && <p className="field-error segment-note">{error}</p>}
      {!loading && !error && segments.length === 0 && (
        <p className="muted segment-note">Save a filter to keep it here with a live count.</p>
      )}
    </nav>
  )
}
