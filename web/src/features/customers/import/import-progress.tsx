import type { ImportJob } from '../../../api/index.js'
import { capitalize } from '../../../ui/format.js'
import { useWorkspaceFormat } from '../../../ui/use-workspace-format.js'
import { isFinished } from './use-import-job.js'

const STATUS_TEXT: Record<ImportJob['status'], string> = {
  queued: 'Waiting to start',
  running: 'Importing',
  succeeded: 'Finished',
  failed: 'Failed',
}

/** Share of the file read so far (0–100), or null while the size is unknown. */
function percent(job: ImportJob): number | null {
  if (isFinished(job)) return 100
  if (!job.fileBytes) return null
  return Math.min(100, Math.floor((job.bytesRead / job.fileBytes) * 100))
}

/** Where a running import is: phase, rows so far and a bar over the bytes read. */
export function ImportProgress({ job }: { job: ImportJob }) {
  const f = useWorkspaceFormat()
  const share = percent(job)
  const label = `Import of ${job.fileName}`
  return (
    <div className="import-progress">
      <div className="progress-head">
        <strong>{STATUS_TEXT[job.status]}</strong>
        {job.phase && !isFinished(job) && <span className="muted">{capitalize(job.phase)}</span>}
        <span className="muted progress-rows">{f.number(job.rowsRead)} rows read</span>
      </div>
      {/* Native <progress> without a value shows an indeterminate bar while the size is unknown. */}
      <progress
        className={`progress progress-${job.status}`}
        aria-label={label}
        max={100}
        {...(share === null ? {} : { value: share })}
      >
        {share === null ? '' : `${share}%`}
      </progress>
    </div>
  )
}
