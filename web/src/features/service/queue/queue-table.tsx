import { useEffect, useRef } from 'react'
import type { QueueItem } from '../../../api/index.js'
import { Link } from '../../../router.js'
import { capitalize } from '../../../ui/format.js'
import { ListFooter } from '../../../ui/list-footer.js'
import { channelLabel, PriorityBadge, STATUS_LABELS } from '../service-labels.js'
import { SlaTimer } from '../sla-timer.js'

/** A queue in the API's order; the selected row (j/k) is marked and kept in view. */
export function QueueTable({
  label,
  items,
  now,
  selected,
  loading,
  error,
  hasMore,
  onLoadMore,
  onSelect,
  emptyText,
}: {
  label: string
  items: QueueItem[]
  now: number
  selected: number
  loading: boolean
  error: string | null
  hasMore: boolean
  onLoadMore: () => void
  onSelect: (index: number) => void
  emptyText: string
}) {
  const body = useRef<HTMLTableSectionElement>(null)
  useEffect(() => {
    body.current?.children[selected]?.scrollIntoView?.({ block: 'nearest' })
  }, [selected])

  return (
    <>
      <div className="table-wrap">
        <table className="table table-stack queue-table" aria-label={label}>
          <thead>
            <tr>
              <th scope="col">Time to breach</th>
              <th scope="col">Case</th>
              <th scope="col">Requester</th>
              <th scope="col">Priority</th>
              <th scope="col">Status</th>
              <th scope="col">Tier</th>
              <th scope="col">Channel</th>
              <th scope="col">Assignee</th>
            </tr>
          </thead>
          <tbody ref={body}>
            {items.map((item, index) => (
              <tr
                key={item.id}
                className={index === selected ? 'row-highlight queue-selected' : undefined}
                aria-current={index === selected ? 'true' : undefined}
                onClick={() => onSelect(index)}
              >
                <td data-label="Time to breach">
                  <SlaTimer dueAt={item.nextDueAt} now={now} paused={item.paused} breached={item.breached} />
                </td>
                <th scope="row">
                  <Link href={`/service/cases/${item.id}`} className="cell-title">
                    #{item.number} {item.subject}
                  </Link>
                  {item.category && <span className="cell-sub">{item.category}</span>}
                </th>
                <td data-label="Requester">{item.requesterName ?? '—'}</td>
                <td data-label="Priority">
                  <PriorityBadge priority={item.priority} />
                </td>
                <td data-label="Status">{STATUS_LABELS[item.status]}</td>
                <td data-label="Tier">{item.tier ? capitalize(item.tier) : '—'}</td>
                <td data-label="Channel">{channelLabel(item.channel)}</td>
                <td data-label="Assignee">
                  {item.assigneeName ?? <span className="muted">Unassigned</span>}
                </td>
              </tr>
            ))}
            {!loading && !error && items.length === 0 && (
              <tr>
                <td colSpan={8} className="table-empty">
                  {emptyText}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      <ListFooter loading={loading} error={error} hasMore={hasMore} onLoadMore={onLoadMore} />
    </>
  )
}
