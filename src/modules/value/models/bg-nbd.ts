import { asFolded, distinctValues, strideRows, weightByFrequency } from './fold.js'
import { minimizeWarmStarted, type Objective } from './optimize.js'
import { digamma, lgamma } from './special-functions.js'
import { logScaleStandardErrors } from './standard-errors.js'
import type { BgNbdParams, CustomerColumns, FitOptions, FitResult, FoldedCustomers } from './types.js'

/**
 * Mean negative BG/NBD log-likelihood over u = (ln r, ln α, ln a, ln b), with its analytic gradient.
 * FHL (2005) eq. 6: L = A1·A2·[(α+T)^−(r+x) + δ(x>0)·a/(b+x−1)·(α+t_x)^−(r+x)] where
 * A1 = Γ(r+x)αʳ/Γ(r) and A2 = B(a, b+x)/B(a, b). The Γ terms depend on x only, so they are summed
 * once per distinct x, and ln(α+T), ln(α+t_x) once per distinct value; a row then costs one exp
 * and one log.
 */
export function bgNbdObjective(data: FoldedCustomers): Objective {
  const { x, weight, rows, customers: W } = data
  const byX = weightByFrequency(x, weight)
  const ages = distinctValues(data.T)
  const recencies = distinctValues(data.tx)
  const counts = distinctValues(x)
  const logB = new Float64Array(counts.values.length)
  const invB = new Float64Array(counts.values.length)
  const logAge = new Float64Array(ages.values.length)
  const invAge = new Float64Array(ages.values.length)
  const logRec = new Float64Array(recencies.values.length)
  const invRec = new Float64Array(recencies.values.length)
  return (u, grad) => {
    const r = Math.exp(u[0]!)
    const alpha = Math.exp(u[1]!)
    const a = Math.exp(u[2]!)
    const b = Math.exp(u[3]!)
    const la = Math.log(alpha)
    let ll = W * (r * la - lgamma(r) + lgamma(a + b) - lgamma(b))
    const psiAb = digamma(a + b)
    let gr = W * (la - digamma(r))
    let gAlpha = (W * r) / alpha
    let ga = W * psiAb
    let gb = W * (psiAb - digamma(b))
    for (let k = 0; k < byX.values.length; k++) {
      const xi = byX.values[k]!
      const w = byX.weights[k]!
      ll += w * (lgamma(r + xi) + lgamma(b + xi) - lgamma(a + b + xi))
      const psiAbx = digamma(a + b + xi)
      gr += w * digamma(r + xi)
      ga -= w * psiAbx
      gb += w * (digamma(b + xi) - psiAbx)
    }
    for (let k = 0; k < logAge.length; k++) {
      logAge[k] = Math.log(alpha + ages.values[k]!)
      invAge[k] = 1 / (alpha + ages.values[k]!)
    }
    for (let k = 0; k < logRec.length; k++) {
      logRec[k] = Math.log(alpha + recencies.values[k]!)
      invRec[k] = 1 / (alpha + recencies.values[k]!)
    }
    const lnA = Math.log(a)
    for (let k = 0; k < logB.length; k++) {
      // only used for x > 0, where b + x − 1 > 0
      logB[k] = lnA - Math.log(b + counts.values[k]! - 1)
      invB[k] = 1 / (b + counts.values[k]! - 1)
    }
    let sumP4 = 0
    for (let i = 0; i < rows; i++) {
      const xi = x[i]!
      const w = weight[i]!
      const rx = r + xi
      const iT = ages.of[i]!
      const lT = logAge[iT]!
      const A3 = -rx * lT
      if (xi > 0) {
        const iR = recencies.of[i]!
        const ltx = logRec[iR]!
        const iX = counts.of[i]!
        const A4 = logB[iX]! - rx * ltx
        // log-sum-exp of the two branches; p4 is the second one's share, reused by the gradient
        const d = A4 - A3
        const e = Math.exp(-Math.abs(d))
        const p4 = d > 0 ? 1 / (1 + e) : e / (1 + e)
        const p3 = 1 - p4
        ll += w * (Math.max(A3, A4) + Math.log1p(e))
        gr -= w * (p3 * lT + p4 * ltx)
        gAlpha -= w * rx * (p3 * invAge[iT]! + p4 * invRec[iR]!)
        sumP4 += w * p4
        gb -= w * p4 * invB[iX]!
      } else {
        ll += w * A3
        gr -= w * lT
        gAlpha -= w * rx * invAge[iT]!
      }
    }
    ga += sumP4 / a
    // chain rule to log parameters, sign flip to a minimisation, mean over customers
    grad[0] = (-gr * r) / W
    grad[1] = (-gAlpha * alpha) / W
    grad[2] = (-ga * a) / W
    grad[3] = (-gb * b) / W
    return -ll / W
  }
}

/** BG/NBD log-likelihood of a data set at given parameters (FHL 2005 eq. 6, summed). */
export function bgNbdLogLikelihood(params: BgNbdParams, data: CustomerColumns | FoldedCustomers): number {
  const folded = asFolded(data)
  const u = Float64Array.of(
    Math.log(params.r),
    Math.log(params.alpha),
    Math.log(params.a),
    Math.log(params.b),
  )
  return -bgNbdObjective(folded)(u, new Float64Array(4)) * folded.customers
}

/**
 * Fits the BG/NBD model (Fader, Hardie & Lee 2005, "Counting Your Customers the Easy Way") by
 * maximum likelihood: BFGS on log-parameters with the analytic gradient.
 *
 * @example
 * const fit = fitBgNbd(foldCustomers(summary)) // fit.params → { r, alpha, a, b }
 */
export function fitBgNbd(
  data: CustomerColumns | FoldedCustomers,
  options: FitOptions = {},
): FitResult<BgNbdParams> {
  const folded = asFolded(data)
  const start = options.start ?? defaultStart(folded)
  const opt = minimizeWarmStarted(
    (k) => bgNbdObjective(strideRows(folded, k)),
    folded.rows,
    start.map(Math.log),
    options.maxIterations ?? 500,
  )
  const se = logScaleStandardErrors(opt.objective, opt.x, opt.grad, folded.customers)
  const [r, alpha, a, b] = Array.from(opt.x, Math.exp) as [number, number, number, number]
  return {
    params: { r, alpha, a, b },
    standardErrors: { r: se[0]!, alpha: se[1]!, a: se[2]!, b: se[3]! },
    logLikelihood: -opt.f * folded.customers,
    customers: folded.customers,
    iterations: opt.iterations,
    converged: opt.converged,
  }
}

/** r = 1 and α matching the mean purchase rate; a = b = 1 (uniform dropout probability). */
function defaultStart(d: FoldedCustomers): number[] {
  let sx = 0
  let sT = 0
  for (let i = 0; i < d.rows; i++) {
    sx += d.weight[i]! * d.x[i]!
    sT += d.weight[i]! * d.T[i]!
  }
  return [1, Math.max(sT / Math.max(sx, 1e-3), 1e-3), 1, 1]
}
