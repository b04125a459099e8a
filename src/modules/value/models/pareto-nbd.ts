import { asFolded, strideRows, weightByFrequency } from './fold.js'
import { minimizeWarmStarted, type Objective } from './optimize.js'
import { type LogTail, logTail } from './pareto-nbd.integral.js'
import { digamma, lgamma } from './special-functions.js'
import { logScaleStandardErrors } from './standard-errors.js'
import type { CustomerColumns, FitOptions, FitResult, FoldedCustomers, ParetoNbdParams } from './types.js'

const emptyTail = (): LogTail => ({ value: 0, dr: 0, dalpha: 0, ds: 0, dbeta: 0 })

/**
 * Mean negative Pareto/NBD log-likelihood over u = (ln r, ln α, ln s, ln β), analytic gradient.
 * Fader & Hardie (2005 note) eq. 22:
 *   L = Γ(r+x)αʳβˢ/Γ(r) · [(α+T)^−(r+x)(β+T)^−s + s·(F(t_x) − F(T))]
 * with F from `logTail`. The bracket is combined in log space (log-sum-exp, log1p for the
 * difference); the Γ terms are summed once per distinct x.
 */
export function paretoNbdObjective(data: FoldedCustomers): Objective {
  const { x, tx, T, weight, rows, customers: W } = data
  const byX = weightByFrequency(x, weight)
  const f1 = emptyTail()
  const f2 = emptyTail()
  return (u, grad) => {
    const r = Math.exp(u[0]!)
    const alpha = Math.exp(u[1]!)
    const s = Math.exp(u[2]!)
    const beta = Math.exp(u[3]!)
    const la = Math.log(alpha)
    const lb = Math.log(beta)
    const ls = Math.log(s)
    let ll = W * (r * la + s * lb - lgamma(r))
    let gr = W * (la - digamma(r))
    let gAlpha = (W * r) / alpha
    let gs = W * lb
    let gBeta = (W * s) / beta
    for (let k = 0; k < byX.values.length; k++) {
      ll += byX.weights[k]! * lgamma(r + byX.values[k]!)
      gr += byX.weights[k]! * digamma(r + byX.values[k]!)
    }
    for (let i = 0; i < rows; i++) {
      const xi = x[i]!
      const w = weight[i]!
      const Ti = T[i]!
      const laT = Math.log(alpha + Ti)
      const lbT = Math.log(beta + Ti)
      const logE = -(r + xi) * laT - s * lbT
      if (!(tx[i]! < Ti)) {
        // died-before-T branch is empty (last purchase at the end of calibration)
        ll += w * logE
        gr -= w * laT
        gs -= w * lbT
        gAlpha -= (w * (r + xi)) / (alpha + Ti)
        gBeta -= (w * s) / (beta + Ti)
        continue
      }
      logTail(r, alpha, s, beta, xi, tx[i]!, f1)
      logTail(r, alpha, s, beta, xi, Ti, f2)
      // I = F1 − F2 = F1·(1 − ρ); ∂ln I = (∂ln F1 − ρ·∂ln F2)/(1 − ρ)
      const rho = Math.exp(f2.value - f1.value)
      const k = 1 / (1 - rho)
      const logSI = ls + f1.value + Math.log1p(-rho)
      const m = Math.max(logE, logSI)
      const eE = Math.exp(logE - m)
      const eI = Math.exp(logSI - m)
      const pE = eE / (eE + eI)
      const pI = 1 - pE
      ll += w * (m + Math.log(eE + eI))
      gr += w * (pE * -laT + pI * k * (f1.dr - rho * f2.dr))
      gAlpha += w * (pE * (-(r + xi) / (alpha + Ti)) + pI * k * (f1.dalpha - rho * f2.dalpha))
      gs += w * (pE * -lbT + pI * (1 / s + k * (f1.ds - rho * f2.ds)))
      gBeta += w * (pE * (-s / (beta + Ti)) + pI * k * (f1.dbeta - rho * f2.dbeta))
    }
    grad[0] = (-gr * r) / W
    grad[1] = (-gAlpha * alpha) / W
    grad[2] = (-gs * s) / W
    grad[3] = (-gBeta * beta) / W
    return -ll / W
  }
}

/** Pareto/NBD log-likelihood of a data set at given parameters (Fader & Hardie 2005 note, eq. 22). */
export function paretoNbdLogLikelihood(
  params: ParetoNbdParams,
  data: CustomerColumns | FoldedCustomers,
): number {
  const folded = asFolded(data)
  const u = Float64Array.of(
    Math.log(params.r),
    Math.log(params.alpha),
    Math.log(params.s),
    Math.log(params.beta),
  )
  return -paretoNbdObjective(folded)(u, new Float64Array(4)) * folded.customers
}

/**
 * Fits the Pareto/NBD model (Schmittlein, Morrison & Colombo 1987) by maximum likelihood: BFGS on
 * log-parameters with the analytic gradient of eq. 22 of Fader & Hardie's 2005 derivation note.
 *
 * @example
 * const fit = fitParetoNbd(foldCustomers(summary)) // fit.params → { r, alpha, s, beta }
 */
export function fitParetoNbd(
  data: CustomerColumns | FoldedCustomers,
  options: FitOptions = {},
): FitResult<ParetoNbdParams> {
  const folded = asFolded(data)
  const start = options.start ?? defaultStart(folded)
  const opt = minimizeWarmStarted(
    (k) => paretoNbdObjective(strideRows(folded, k)),
    folded.rows,
    start.map(Math.log),
    options.maxIterations ?? 500,
  )
  const se = logScaleStandardErrors(opt.objective, opt.x, opt.grad, folded.customers)
  const [r, alpha, s, beta] = Array.from(opt.x, Math.exp) as [number, number, number, number]
  return {
    params: { r, alpha, s, beta },
    standardErrors: { r: se[0]!, alpha: se[1]!, s: se[2]!, beta: se[3]! },
    logLikelihood: -opt.f * folded.customers,
    customers: folded.customers,
    iterations: opt.iterations,
    converged: opt.converged,
  }
}

/** r = s = 1, α from the mean purchase rate, β = mean T (lifetimes of the order of the window). */
function defaultStart(d: FoldedCustomers): number[] {
  let sx = 0
  let sT = 0
  for (let i = 0; i < d.rows; i++) {
    sx += d.weight[i]! * d.x[i]!
    sT += d.weight[i]! * d.T[i]!
  }
  return [1, Math.max(sT / Math.max(sx, 1e-3), 1e-3), 1, Math.max(sT / d.customers, 1e-3)]
}
