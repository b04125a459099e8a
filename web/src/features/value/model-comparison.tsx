import type { WorkspaceFormat } from '../../ui/use-workspace-format.js'
import { type Evaluated, MODEL_LABELS } from './charts/holdout-charts.js'
import { formatDecimal } from './value-format.js'

/**
 * BG/NBD against Pareto/NBD on the same calibration and holdout: log-likelihood on the
 * calibration data, total holdout purchases, and the mean absolute error over the frequency
 * buckets (weighted by customers). The model with the smaller holdout error fits better.
 */
export function ModelComparison({ runs, f }: { runs: Evaluated[]; f: WorkspaceFormat }) {
  const rows = runs.map((e) => {
    const buckets = e.holdout.byFrequency
    const customers = buckets.reduce((s, b) => s + b.customers, 0)
    const mae = customers
      ? buckets.reduce((s, b) => s + b.customers * Math.abs(b.predicted - b.actual), 0) / customers
      : Number.NaN
    return { e, mae, error: e.holdout.predictedTotal - e.holdout.actualTotal }
  })
  const best = rows.reduce((a, b) => (Math.abs(b.error) < Math.abs(a.error) ? b : a), rows[0]!)
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="table-caption">Model comparison on the holdout</caption>
        <thead>
          <tr>
            <th scope="col">Model</th>
            <th scope="col" className="numeric">
              Log-likelihood
            </th>
            <th scope="col" className="numeric">
              Holdout purchases: actual
            </th>
            <th scope="col" className="numeric">
              Predicted
            </th>
            <th scope="col" className="numeric">
              Mean error per customer
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ e, mae }) => (
            <tr key={e.run.id}>
              <th scope="row">
                {MODEL_LABELS[e.run.options.model]}
                {e === best.e && <span className="cell-sub">closest total</span>}
              </th>
              <td className="numeric">{formatDecimal(e.run.result?.logLikelihood, 2)}</td>
              <td className="numeric">{f.number(e.holdout.actualTotal)}</td>
              <td className="numeric">{formatDecimal(e.holdout.predictedTotal, 1)}</td>
              <td className="numeric">{formatDecimal(mae, 3)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
