import { useCallback, useState } from 'react'
import { listTimeline, type TimelineItem, type TimelineQuery } from '../../../api/index.js'
import { ListFooter } from '../../../ui/list-footer.js'
import { usePagedList } from '../../../ui/use-paged-list.js'
import { useWorkspaceFormat, type WorkspaceFormat } from '../../../ui/use-workspace-format.js'
import { NoteForm } from './note-form.js'

const VIEWS: { id: string; label: string; query: Omit<TimelineQuery, 'limit' | 'cursor'> }[] = [
  { id: 'all', label: 'Everything', query: {} },
  { id: 'purchases', label: 'Purchases', query: { sources: 'purchases' } },
  { id: 'notes', label: 'Notes', query: { types: 'customer.note' } },
  { id: 'changes', label: 'Profile changes', query: { types: 'customer.*' } },
]

const SOURCE_LABELS: Record<string, string> = { purchases: 'Purchase', events: 'Event' }

function typeLabel(item: TimelineItem): string {
  if (item.type === 'customer.note') return 'Note'
  if (item.type.startsWith('purchase')) return item.type.includes('refund') ? 'Refund' : 'Purchase'
  return SOURCE_LABELS[item.source] ?? item.source
}

/** The words to show: a note's full text, purchase amounts in the workspace currency. */
function summaryOf(item: TimelineItem, f: WorkspaceFormat): string {
  if (item.type === 'customer.note' && typeof item.data.text === 'string') return item.data.text
  const amount = item.data.amount
  if (item.source === 'purchases' && typeof amount === 'string')
    return item.summary.replace(` for ${amount}`, ` for ${f.money(amount)}`)
  return item.summary
}

/** Everything that happened to the customer, newest first, from every module; notes are added here. */
export function CustomerTimeline({
  customerId,
  canWrite,
  refreshKey,
}: {
  customerId: string
  canWrite: boolean
  /** Changes when the customer changes, so events the change made show up. */
  refreshKey: string
}) {
  const f = useWorkspaceFormat()
  const [view, setView] = useState('all')
  const query = VIEWS.find((v) => v.id === view)?.query ?? {}
  const fetchPage = useCallback(
    (cursor: string | undefined) => listTimeline(customerId, { ...query, cursor, limit: 20 }),
    [customerId, query],
  )
  const timeline = usePagedList<TimelineItem>(fetchPage, `${customerId}:${view}:${refreshKey}`)

  return (
    <section className="section" aria-labelledby="timeline-title">
      <div className="section-header">
        <h2 id="timeline-title">Timeline</h2>
        <fieldset className="segmented">
          <legend className="visually-hidden">Show on the timeline</legend>
          {VIEWS.map((v) => (
            <button
              key={v.id}
              type="button"
              className="segmented-item"
              aria-pressed={view === v.id}
              onClick={() => setView(v.id)}
            >
              {v.label}
            </button>
          ))}
        </fieldset>
      </div>
      {canWrite && <NoteForm customerId={customerId} onAdded={timeline.reload} />}
      <ol className="timeline" aria-label="Timeline events">
        {timeline.items.map((item) => (
          <li key={`${item.source}:${item.id}`} className={`timeline-item timeline-${item.source}`}>
            <span className="timeline-dot" aria-hidden="true" />
            <div className="timeline-body">
              <div className="timeline-meta">
                <span className="badge badge-neutral">{typeLabel(item)}</span>
                <time dateTime={item.occurredAt}>{f.dateTime(item.occurredAt)}</time>
              </div>
              <p className="timeline-summary">{summaryOf(item, f)}</p>
            </div>
          </li>
        ))}
      </ol>
      {!timeline.loading && !timeline.error && timeline.items.length === 0 && (
        <p className="muted timeline-empty">Nothing here yet.</p>
      )}
      <ListFooter
        loading={timeline.loading}
        error={timeline.error}
        hasMore={timeline.hasMore}
        onLoadMore={timeline.loadMore}
      />
    </section>
  )
}
