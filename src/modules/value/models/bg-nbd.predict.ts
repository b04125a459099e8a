import type { PurchasePredictor } from './predictor.js'
import { hyp2f1, lgamma, logAddExp } from './special-functions.js'
import type { BgNbdParams } from './types.js'

/** (a − 1) appears as a divisor; the expectation is continuous in a, so a = 1 is nudged. */
const nudge = (a: number) => (Math.abs(a - 1) < 1e-7 ? 1 + 1e-7 : a)

/**
 * BG/NBD P(alive | x, t_x, T) (FHL 2005, eq. 10 denominator; FHL 2008 note):
 * 1 / (1 + δ(x>0)·a/(b+x−1)·((α+T)/(α+t_x))^(r+x)), as a logistic of a log-odds so that x in the
 * thousands cannot overflow the power.
 */
export function bgNbdProbabilityAlive(p: BgNbdParams, x: number, tx: number, T: number): number {
  if (x === 0) return 1
  const logOdds =
    Math.log(p.a) - Math.log(p.b + x - 1) + (p.r + x) * (Math.log(p.alpha + T) - Math.log(p.alpha + tx))
  return 1 / (1 + Math.exp(logOdds))
}

/**
 * BG/NBD E[Y(t) | x, t_x, T] (FHL 2005, eq. 10):
 * (a+b+x−1)/(a−1)·[1 − ((α+T)/(α+T+t))^(r+x)·2F1(r+x, b+x; a+b+x−1; t/(α+T+t))]·P(alive).
 * Euler's transformation gives the same power-times-series as (1−z)^(a−1)·2F1(c−r−x, a−1; c; z)
 * with c = a+b+x−1. Each series grows like (1 − q·z)^−e before the power brings it back, e being
 * r+x in the first form and a−1 in the second, so the form with the smaller exponent is summed:
 * Euler's for large x, the direct one when a is large (a, b → ∞: a nearly constant dropout
 * probability, which fits on data without much churn), where Euler's series would overflow.
 */
export function bgNbdExpectedPurchases(p: BgNbdParams, t: number, x: number, tx: number, T: number): number {
  if (t <= 0) return 0
  const a = nudge(p.a)
  const c = a + p.b + x - 1
  const z = t / (p.alpha + T + t)
  const power =
    a - 1 < p.r + x
      ? (1 - z) ** (a - 1) * hyp2f1(c - p.r - x, a - 1, c, z)
      : Math.exp((p.r + x) * Math.log1p(-z)) * hyp2f1(p.r + x, p.b + x, c, z)
  return (c / (a - 1)) * (1 - power) * bgNbdProbabilityAlive(p, x, tx, T)
}

/** BG/NBD E[X(t)] for a new customer (FHL 2005, eq. 9): eq. 10 with x = t_x = T = 0. */
export function bgNbdUnconditionalExpectedPurchases(p: BgNbdParams, t: number): number {
  return bgNbdExpectedPurchases(p, t, 0, 0, 0)
}

/**
 * BG/NBD P(X(t) = n) for a new customer (FHL 2005, eq. 8), in log space:
 * B(a, b+n)/B(a, b)·NB(n) + δ(n>0)·B(a+1, b+n−1)/B(a, b)·[1 − Σ_{j<n} NB(j)],
 * NB(j) = Γ(r+j)/(Γ(r) j!)·(α/(α+t))ʳ·(t/(α+t))ʲ.
 */
export function bgNbdPurchaseProbability(p: BgNbdParams, n: number, t: number): number {
  const { r, alpha, a, b } = p
  const lq = Math.log(alpha / (alpha + t))
  const lpr = Math.log(t / (alpha + t))
  const logNb = (j: number) => lgamma(r + j) - lgamma(r) - lgamma(j + 1) + r * lq + j * lpr
  const lB = lgamma(a) + lgamma(b) - lgamma(a + b)
  const first = lgamma(a) + lgamma(b + n) - lgamma(a + b + n) - lB + logNb(n)
  if (n === 0) return Math.exp(first)
  let cdf = 0
  for (let j = 0; j < n; j++) cdf += Math.exp(logNb(j))
  const tail = Math.max(0, 1 - cdf)
  const second = lgamma(a + 1) + lgamma(b + n - 1) - lgamma(a + b + n) - lB + Math.log(tail)
  return Math.exp(logAddExp(first, second))
}

/** Predictor for fitted BG/NBD parameters (used by CLV, holdout and the "for all" helpers). */
export function bgNbdPredictor(p: BgNbdParams): PurchasePredictor {
  return {
    expectedPurchases: (t, x, tx, T) => bgNbdExpectedPurchases(p, t, x, tx, T),
    probabilityAlive: (x, tx, T) => bgNbdProbabilityAlive(p, x, tx, T),
    unconditionalExpectedPurchases: (t) => bgNbdUnconditionalExpectedPurchases(p, t),
    purchaseProbability: (n, t) => bgNbdPurchaseProbability(p, n, t),
  }
}
