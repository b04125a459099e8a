import type { QueueHealth } from '../../../api/index.js'
import { formatMinutes } from '../service-labels.js'

/** One row per team queue: waiting, oldest, median and expected wait, breaches, agents on shift. */
export function QueueHealthTable({ items }: { items: QueueHealth[] }) {
  if (items.length === 0) return <p className="muted">There are no team queues yet.</p>
  return (
    <div className="table-wrap">
      <table className="table table-stack" aria-label="Queue health">
        <thead>
          <tr>
            <th scope="col">Queue</th>
            <th scope="col" className="numeric">
              Waiting
            </th>
            <th scope="col" className="numeric">
              Oldest wait
            </th>
            <th scope="col" className="numeric">
              Median wait
            </th>
            <th scope="col" className="numeric">
              Expected wait
            </th>
            <th scope="col" className="numeric">
              Unassigned
            </th>
            <th scope="col" className="numeric">
              Breached
            </th>
            <th scope="col" className="numeric">
              Agents available
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((h) => (
            <tr key={h.teamId}>
              <th scope="row">{h.teamName}</th>
              <td className="numeric" data-label="Waiting">
                {h.waiting}
              </td>
              <td className="numeric" data-label="Oldest wait">
                {formatMinutes(h.oldestWaitMinutes)}
              </td>
              <td className="numeric" data-label="Median wait">
                {formatMinutes(h.medianWaitMinutes)}
              </td>
              <td className="numeric" data-label="Expected wait">
                {formatMinutes(h.expectedWaitMinutes)}
              </td>
              <td className="numeric" data-label="Unassigned">
                {h.unassigned}
              </td>
              <td className="numeric" data-label="Breached">
                {h.breached > 0 ? <span className="sla-breached-count">{h.breached}</span> : 0}
              </td>
              <td className="numeric" data-label="Agents available">
                {h.availableAgents}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
