import type { ScoreOptions, ValueRun } from '../../api/index.js'
import { useSession } from '../../session.js'
import { useAnnounce } from '../../ui/status.js'
import { RunProgress } from './run-progress.js'
import { useScoreRun } from './use-score-run.js'

/**
 * "Score now": starts a scoring run with the given options and shows its progress until done.
 * Only for those allowed to configure the value engine.
 */
export function ScoreNow({
  label = 'Score now',
  options,
  onFinished,
}: {
  label?: string
  options?: Partial<ScoreOptions>
  onFinished?: (run: ValueRun) => void
}) {
  const { can } = useSession()
  const announce = useAnnounce()
  const scoring = useScoreRun((run) => {
    if (run.status === 'succeeded') announce(`Scored ${run.customersScored ?? 0} customers.`, 'success')
    else announce('The value run failed.', 'error')
    onFinished?.(run)
  })
  if (!can('value:configure')) return null
  return (
    <div className="score-now">
      <button
        type="button"
        className="button button-primary"
        disabled={scoring.busy}
        onClick={() => void scoring.start(options)}
      >
        {scoring.busy ? 'Scoring…' : label}
      </button>
      {scoring.run && <RunProgress run={scoring.run} label="Value scoring" />}
      {scoring.error && (
        <p className="inline-error" role="alert">
          {scoring.error}
        </p>
      )}
    </div>
  )
}
