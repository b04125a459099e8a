import type { ValueRun, ValueRunResult } from '../../api/index.js'
import type { WorkspaceFormat } from '../../ui/use-workspace-format.js'
import { MODEL_LABELS } from './charts/holdout-charts.js'
import { formatDecimal } from './value-format.js'

const PARAM_LABELS: Record<string, string> = { alpha: 'α', beta: 'β' }
/** The papers' order: BG/NBD r, α, a, b; Pareto/NBD r, α, s, β; Gamma-Gamma p, q, v. */
const PARAM_ORDER = ['r', 'alpha', 'a', 'b', 's', 'beta', 'p', 'q', 'v']
const rank = (name: string) => {
  const i = PARAM_ORDER.indexOf(name)
  return i === -1 ? PARAM_ORDER.length : i
}

/** Fitted parameters with standard errors and log-likelihood, purchase model then spend model. */
export function ModelParams({ run, f }: { run: ValueRun; f: WorkspaceFormat }) {
  const r = run.result
  if (!r) return null
  return (
    <div className="model-params">
      <ParamTable
        title={`${MODEL_LABELS[r.model] ?? r.model} (purchases)`}
        params={r.params}
        errors={r.standardErrors}
        logLikelihood={r.logLikelihood}
        note={`${f.number(r.customers)} customers in ${f.number(r.distinctRows)} distinct rows, time in ${r.unit}${r.converged ? '' : ', did not converge'}`}
      />
      {r.spend ? (
        <ParamTable
          title="Gamma-Gamma (spend)"
          params={r.spend.params}
          errors={r.spend.standardErrors}
          logLikelihood={r.spend.logLikelihood}
          note={`${f.number(r.spend.customers)} repeat buyers`}
        />
      ) : (
        <p className="muted">
          Spend model not fitted (fewer than ten repeat buyers): mean spends are used as they are.
        </p>
      )}
    </div>
  )
}

function ParamTable({
  title,
  params,
  errors,
  logLikelihood,
  note,
}: {
  title: string
  params: ValueRunResult['params']
  errors: ValueRunResult['standardErrors']
  logLikelihood: number
  note: string
}) {
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="table-caption">{title}</caption>
        <thead>
          <tr>
            <th scope="col">Parameter</th>
            <th scope="col" className="numeric">
              Estimate
            </th>
            <th scope="col" className="numeric">
              Standard error
            </th>
          </tr>
        </thead>
        <tbody>
          {Object.entries(params)
            .sort(([a], [b]) => rank(a) - rank(b))
            .map(([name, value]) => (
              <tr key={name}>
                <th scope="row">{PARAM_LABELS[name] ?? name}</th>
                <td className="numeric">{formatDecimal(value, 4)}</td>
                <td className="numeric">{formatDecimal(errors[name], 4)}</td>
              </tr>
            ))}
          <tr>
            <th scope="row">Log-likelihood</th>
            <td className="numeric">{formatDecimal(logLikelihood, 2)}</td>
            <td />
          </tr>
        </tbody>
      </table>
      <p className="muted list-note">{note}</p>
    </div>
  )
}
