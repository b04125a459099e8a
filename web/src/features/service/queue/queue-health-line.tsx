import { getQueueHealth } from '../../../api/index.js'
import { useResource } from '../../../ui/use-resource.js'
import { formatMinutes } from '../service-labels.js'

/** One line of live health above a team queue: what a new case would wait. */
export function QueueHealthLine({ teamId, refreshKey }: { teamId: string; refreshKey: number }) {
  const health = useResource(() => getQueueHealth(teamId), `${teamId}:${refreshKey}`)
  const h = health.data
  if (!h || h.teamId !== teamId) return null
  return (
    <dl className="queue-health-line" aria-label={`Health of ${h.teamName}`}>
      <div>
        <dt>Waiting</dt>
        <dd>{h.waiting}</dd>
      </div>
      <div>
        <dt>Oldest wait</dt>
        <dd>{formatMinutes(h.oldestWaitMinutes)}</dd>
      </div>
      <div>
        <dt>Median wait</dt>
        <dd>{formatMinutes(h.medianWaitMinutes)}</dd>
      </div>
      <div>
        <dt>Expected wait for a new case</dt>
        <dd>{formatMinutes(h.expectedWaitMinutes)}</dd>
      </div>
      <div>
        <dt>Breached</dt>
        <dd>{h.breached}</dd>
      </div>
    </dl>
  )
}
