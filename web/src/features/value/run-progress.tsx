import type { ValueRun } from '../../api/index.js'
import { capitalize } from '../../ui/format.js'

export const RUN_STATUS_TEXT: Record<ValueRun['status'], string> = {
  queued: 'Waiting to start',
  running: 'Scoring',
  succeeded: 'Finished',
  failed: 'Failed',
}

/** Where a value run is: status, phase and a bar over its progress. */
export function RunProgress({ run, label }: { run: ValueRun; label: string }) {
  const percent = Math.round(run.progress * 100)
  const running = run.status === 'queued' || run.status === 'running'
  return (
    <div className="value-run-progress">
      <div className="progress-head">
        <strong>{RUN_STATUS_TEXT[run.status]}</strong>
        {run.phase && running && <span className="muted">{capitalize(run.phase)}</span>}
        <span className="muted progress-rows">{percent}%</span>
      </div>
      <progress className={`progress progress-${run.status}`} aria-label={label} max={100} value={percent}>
        {percent}%
      </progress>
      {run.status === 'failed' && run.message && (
        <p className="inline-error" role="alert">
          {capitalize(run.message)}
        </p>
      )}
    </div>
  )
}
