import { useCallback, useEffect, useState } from 'react'
import { isRunFinished, listValueRuns, type ValueRun } from '../../api/index.js'
import { useSession } from '../../session.js'
import { ListFooter } from '../../ui/list-footer.js'
import { usePagedList } from '../../ui/use-paged-list.js'
import { useWorkspaceFormat } from '../../ui/use-workspace-format.js'
import { type Evaluated, HoldoutCharts, MODEL_LABELS } from './charts/holdout-charts.js'
import { ModelComparison } from './model-comparison.js'
import { ModelParams } from './model-params.js'
import { RUN_STATUS_TEXT } from './run-progress.js'
import { ScoreForm } from './score-form.js'
import { formatDecimal } from './value-format.js'

const POLL_MS = 1500

/** /value/models: the runs (with a form to start one), and the chosen run's fit and holdout. */
export function ValueModelsPage() {
  const { can } = useSession()
  const f = useWorkspaceFormat()
  const fetchPage = useCallback((cursor: string | undefined) => listValueRuns({ cursor, limit: 20 }), [])
  const runs = usePagedList<ValueRun>(fetchPage, 'value-runs')
  const [chosen, setChosen] = useState<string | null>(null)
  const running = runs.items.some((r) => !isRunFinished(r))
  const { reload, upsert } = runs

  // While a run is going, the list follows it (another user, the CLI or the form may have started it).
  useEffect(() => {
    if (!running) return
    const timer = window.setTimeout(reload, POLL_MS)
    return () => window.clearTimeout(timer)
  }, [running, reload])

  const selected =
    runs.items.find((r) => r.id === chosen) ?? runs.items.find((r) => r.status === 'succeeded' && r.result)
  const partner = selected ? comparisonPartner(selected, runs.items) : undefined
  const evaluated = [selected, partner]
    .filter((r): r is ValueRun => !!r?.result?.holdout)
    .map((run) => ({ run, holdout: run.result!.holdout! }) satisfies Evaluated)

  return (
    <>
      {can('value:configure') && (
        <ScoreForm
          onRunChanged={(run) => {
            upsert(run)
            setChosen(run.id)
          }}
        />
      )}
      <section className="section" aria-labelledby="runs-title">
        <div className="section-header">
          <h2 id="runs-title">Runs</h2>
        </div>
        <div className="table-wrap">
          <table className="table table-stack">
            <caption className="visually-hidden">Value runs, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Started</th>
                <th scope="col">Kind</th>
                <th scope="col">Model</th>
                <th scope="col">Status</th>
                <th scope="col" className="numeric">
                  Customers
                </th>
                <th scope="col" className="numeric">
                  Log-likelihood
                </th>
                <th scope="col" className="actions-col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {runs.items.map((r) => (
                <tr key={r.id} className={r.id === selected?.id ? 'row-highlight' : undefined}>
                  <td data-label="Started">{f.dateTime(r.createdAt)}</td>
                  <td data-label="Kind">{r.options.holdoutEnd ? 'Evaluation' : 'Scoring'}</td>
                  <td data-label="Model">
                    {MODEL_LABELS[r.options.model]}
                    <span className="cell-sub">{r.options.unit}</span>
                  </td>
                  <td data-label="Status">
                    <span className={`badge ${statusBadge(r)}`}>{RUN_STATUS_TEXT[r.status]}</span>
                    {!isRunFinished(r) && (
                      <span className="cell-sub">
                        {r.phase ?? 'queued'} · {Math.round(r.progress * 100)}%
                      </span>
                    )}
                    {r.status === 'failed' && r.message && <span className="cell-sub">{r.message}</span>}
                  </td>
                  <td data-label="Customers" className="numeric">
                    {r.result ? f.number(r.result.customers) : '—'}
                  </td>
                  <td data-label="Log-likelihood" className="numeric">
                    {r.result ? formatDecimal(r.result.logLikelihood, 2) : '—'}
                  </td>
                  <td className="actions-col">
                    {r.result && (
                      <button
                        type="button"
                        className="button button-small"
                        aria-pressed={r.id === selected?.id}
                        onClick={() => setChosen(r.id)}
                      >
                        View
                      </button>
                    )}
                  </td>
                </tr>
              ))}
              {!runs.loading && runs.items.length === 0 && (
                <tr>
                  <td colSpan={7} className="table-empty">
                    No value runs yet.
                  </td>
                </tr>
              )}
            </tbody>
          </table>
        </div>
        <ListFooter
          loading={runs.loading}
          error={runs.error}
          hasMore={runs.hasMore}
          onLoadMore={runs.loadMore}
        />
      </section>
      {selected?.result && (
        <section className="section" aria-labelledby="run-title">
          <div className="section-header">
            <div>
              <h2 id="run-title">
                {selected.options.holdoutEnd ? 'Evaluation' : 'Scoring'} run of{' '}
                {f.dateTime(selected.createdAt)}
              </h2>
              <p className="muted">
                Calibration to {selected.result.calibrationEnd}
                {selected.result.holdoutEnd && `, holdout to ${selected.result.holdoutEnd}`}; CLV over{' '}
                {selected.options.horizonMonths} months at{' '}
                {formatDecimal(selected.options.discountMonthly * 100, 1)}% a month.
              </p>
            </div>
          </div>
          <ModelParams run={selected} f={f} />
          {evaluated.length > 1 && <ModelComparison runs={evaluated} f={f} />}
          {evaluated.length > 0 ? (
            <div className="value-charts">
              <HoldoutCharts runs={evaluated} f={f} />
            </div>
          ) : (
            <p className="muted">
              Calibration plots need an evaluation run: give a calibration end and a holdout end in the form
              above.
            </p>
          )}
        </section>
      )}
    </>
  )
}

/** The newest other-model evaluation over the same window, for a side-by-side comparison. */
function comparisonPartner(run: ValueRun, runs: ValueRun[]): ValueRun | undefined {
  const h = run.result?.holdout
  if (!h) return undefined
  return runs.find(
    (r) =>
      r.id !== run.id &&
      r.status === 'succeeded' &&
      r.options.model !== run.options.model &&
      r.options.unit === run.options.unit &&
      r.result?.holdout?.calibrationEnd === h.calibrationEnd &&
      r.result.holdout.holdoutEnd === h.holdoutEnd,
  )
}

function statusBadge(run: ValueRun): string {
  if (run.status === 'succeeded') return 'badge-success'
  if (run.status === 'failed') return 'badge-danger'
  return 'badge-accent'
}
