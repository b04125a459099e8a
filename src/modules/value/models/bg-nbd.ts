import { asFolded, weightByFrequency } from './fold.js'
import { minimizeBfgs, type Objective } from './optimize.js'
import { digamma, lgamma } from './special-functions.js'
import { logScaleStandardErrors } from './standard-errors.js'
import type { BgNbdParams, CustomerColumns, FitOptions, FitResult, FoldedCustomers } from './types.js'

/**
 * Mean negative BG/NBD log-likelihood over u = (ln r, ln α, ln a, ln b), with its analytic gradient.
 * FHL (2005) eq. 6: L = A1·A2·[(α+T)^−(r+x) + δ(x>0)·a/(b+x−1)·(α+t_x)^−(r+x)] where
 * A1 = Γ(r+x)αʳ/Γ(r) and A2 = B(a, b+x)/B(a, b). The Γ terms depend on x only, so they are summed
 * once per distinct x; each row then costs two logs and one exp.
 */
export function bgNbdObjective(data: FoldedCustomers): Objective {
  const { x, tx, T, weight, rows, customers: W } = data
  const byX = weightByFrequency(x, weight)
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
    const lnA = Math.log(a)
    for (let i = 0; i < rows; i++) {
      const xi = x[i]!
      const w = weight[i]!
      const rx = r + xi
      const lT = Math.log(alpha + T[i]!)
      const A3 = -rx * lT
      if (xi > 0) {
        const ltx = Math.log(alpha + tx[i]!)
        const A4 = lnA - Math.log(b + xi - 1) - rx * ltx
        // log-sum-exp of the two branches; p3, p4 are their shares, reused by the gradient
        const m = Math.max(A3, A4)
        const e3 = Math.exp(A3 - m)
        const e4 = Math.exp(A4 - m)
        const sum = e3 + e4
        const p3 = e3 / sum
        const p4 = e4 / sum
        ll += w * (m + Math.log(sum))
        gr -= w * (p3 * lT + p4 * ltx)
        gAlpha -= w * rx * (p3 / (alpha + T[i]!) + p4 / (alpha + tx[i]!))
        ga += (w * p4) / a
        gb -= (w * p4) / (b + xi - 1)
      } else {
        ll += w * A3
        gr -= w * lT
        gAlpha -= (w * rx) / (alpha + T[i]!)
      }
    }
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
  const objective = bgNbdObjective(folded)
  const start = options.start ?? defaultStart(folded)
  const opt = minimizeBfgs(objective, start.map(Math.log), { maxIterations: options.maxIterations ?? 500 })
  const se = logScaleStandardErrors(objective, opt.x, folded.customers)
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
