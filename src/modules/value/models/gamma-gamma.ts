import { weightByFrequency } from './fold.js'
import { minimizeWarmStarted, type Objective } from './optimize.js'
import { digamma, lgamma } from './special-functions.js'
import { logScaleStandardErrors } from './standard-errors.js'
import type { FitOptions, FitResult, GammaGammaParams } from './types.js'

/** Repeat buyers for the spend model: x > 0 and mean repeat spend m > 0, optionally weighted. */
export interface SpendColumns {
  x: Float64Array
  monetary: Float64Array
  weight?: Float64Array
}

/**
 * Mean negative Gamma-Gamma log-likelihood of the mean spends over u = (ln p, ln q, ln v).
 * z̄ | ν ~ Gamma(px, νx), ν ~ Gamma(q, v) gives (Fader & Hardie 2013 note, eq. 3)
 *   f(z̄) = Γ(px+q)/(Γ(px)Γ(q))·v^q·z̄^(px−1)·x^(px)/(v + x z̄)^(px+q).
 * Terms in x alone are summed per distinct x and data-only logs are precomputed, leaving one
 * log per row per evaluation.
 */
export function gammaGammaObjective(data: SpendColumns): Objective {
  const n = data.x.length
  const byX = weightByFrequency(data.x, data.weight)
  let W = 0
  let sumWLnM = 0 // Σ w ln m
  let sumWxLnXm = 0 // Σ w x (ln m + ln x)
  for (let i = 0; i < n; i++) {
    const x = data.x[i]!
    const w = data.weight ? data.weight[i]! : 1
    const lm = Math.log(data.monetary[i]!)
    W += w
    sumWLnM += w * lm
    sumWxLnXm += w * x * (lm + Math.log(x))
  }
  // Plain local typed arrays keep the hot loop monomorphic.
  const xCol = data.x
  const mCol = data.monetary
  const wCol = data.weight ?? new Float64Array(n).fill(1)
  const wxCol = Float64Array.from(wCol, (w, i) => w * xCol[i]!)
  const xs = byX.values
  const ws = byX.weights
  return (u, grad) => {
    const p = Math.exp(u[0]!)
    const q = Math.exp(u[1]!)
    const v = Math.exp(u[2]!)
    const lv = Math.log(v)
    let ll = W * (q * lv - lgamma(q)) + p * sumWxLnXm - sumWLnM
    let gp = sumWxLnXm
    let gq = W * (lv - digamma(q))
    let gv = (W * q) / v
    for (let k = 0; k < xs.length; k++) {
      const x = xs[k]!
      const w = ws[k]!
      ll += w * (lgamma(p * x + q) - lgamma(p * x))
      const psi = digamma(p * x + q)
      gp += w * x * (psi - digamma(p * x))
      gq += w * psi
    }
    // Σ w(px+q)·ln(v+xm) and Σ w(px+q)/(v+xm), split into sums free of p and q
    let sxl = 0
    let sl = 0
    let sxi = 0
    let si = 0
    for (let i = 0; i < n; i++) {
      const base = v + xCol[i]! * mCol[i]!
      const l = Math.log(base)
      const inv = 1 / base
      const w = wCol[i]!
      const wx = wxCol[i]!
      sxl += wx * l
      sl += w * l
      sxi += wx * inv
      si += w * inv
    }
    ll -= p * sxl + q * sl
    gp -= sxl
    gq -= sl
    gv -= p * sxi + q * si
    grad[0] = (-gp * p) / W
    grad[1] = (-gq * q) / W
    grad[2] = (-gv * v) / W
    return -ll / W
  }
}

/**
 * Fits the Gamma-Gamma spend model (Fader, Hardie & Lee 2005, "RFM and CLV"; Fader & Hardie 2013
 * note) on repeat buyers only: rows with x = 0 or m ≤ 0 are dropped (their mean spend is undefined).
 *
 * @example
 * const spend = fitGammaGamma({ x: summary.x, monetary: summary.monetary }) // { p, q, v }
 */
export function fitGammaGamma(data: SpendColumns, options: FitOptions = {}): FitResult<GammaGammaParams> {
  const rows = repeatBuyers(data)
  const n = rows.x.length
  if (n === 0) throw new Error('Gamma-Gamma needs at least one customer with x > 0 and spend > 0')
  let W = 0
  let meanM = 0
  for (let i = 0; i < n; i++) {
    W += rows.weight[i]!
    meanM += rows.weight[i]! * rows.monetary[i]!
  }
  meanM /= W
  // p = q = 1 makes the population mean spend p·v/(q−1) undefined; q = 2 puts it at v = mean spend.
  const start = options.start ?? [1, 2, meanM]
  const opt = minimizeWarmStarted(
    (k) => gammaGammaObjective(k === 1 ? rows : strided(rows, k)),
    n,
    start.map(Math.log),
    options.maxIterations ?? 500,
  )
  const se = logScaleStandardErrors(opt.objective, opt.x, opt.grad, W)
  const [p, q, v] = Array.from(opt.x, Math.exp) as [number, number, number]
  return {
    params: { p, q, v },
    standardErrors: { p: se[0]!, q: se[1]!, v: se[2]! },
    logLikelihood: -opt.f * W,
    customers: W,
    iterations: opt.iterations,
    converged: opt.converged,
  }
}

/** The rows the spend model is fitted on: x > 0 and a positive mean spend. */
function repeatBuyers(data: SpendColumns): Required<SpendColumns> {
  let n = 0
  for (let i = 0; i < data.x.length; i++) if (data.x[i]! > 0 && data.monetary[i]! > 0) n++
  const out = { x: new Float64Array(n), monetary: new Float64Array(n), weight: new Float64Array(n) }
  let j = 0
  for (let i = 0; i < data.x.length; i++) {
    if (!(data.x[i]! > 0 && data.monetary[i]! > 0)) continue
    out.x[j] = data.x[i]!
    out.monetary[j] = data.monetary[i]!
    out.weight[j++] = data.weight ? data.weight[i]! : 1
  }
  return out
}

function strided(rows: Required<SpendColumns>, k: number): SpendColumns {
  const pick = (c: Float64Array) =>
    Float64Array.from({ length: Math.ceil(c.length / k) }, (_, i) => c[i * k]!)
  return { x: pick(rows.x), monetary: pick(rows.monetary), weight: pick(rows.weight) }
}

/**
 * Expected mean spend per transaction given x repeat purchases with mean m (FHL 2005b, eq. 5):
 * p(v + x m)/(px + q − 1), a weighted average of the population mean pv/(q−1) and m.
 * With x = 0 it is the population mean (finite only for q > 1).
 */
export function gammaGammaExpectedSpend(params: GammaGammaParams, x: number, monetary: number): number {
  const { p, q, v } = params
  return (p * (v + x * monetary)) / (p * x + q - 1)
}

/** `gammaGammaExpectedSpend` over columns. */
export function gammaGammaExpectedSpendAll(
  params: GammaGammaParams,
  x: Float64Array,
  monetary: Float64Array,
) {
  return Float64Array.from(x, (xi, i) => gammaGammaExpectedSpend(params, xi, monetary[i]!))
}
