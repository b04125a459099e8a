import { type LogTail, logTail } from './pareto-nbd.integral.js'
import type { PurchasePredictor } from './predictor.js'
import { logIntegrate } from './quadrature.js'
import { lgamma, logAddExp } from './special-functions.js'
import type { ParetoNbdParams } from './types.js'

const f1: LogTail = { value: 0, dr: 0, dalpha: 0, ds: 0, dbeta: 0 }
const f2: LogTail = { value: 0, dr: 0, dalpha: 0, ds: 0, dbeta: 0 }

/** (1 − (1+h)^−c)/c, continuous at c = 0 where it is ln(1+h). */
const powerIntegral = (c: number, lh: number) => (Math.abs(c) < 1e-12 ? lh : -Math.expm1(-c * lh) / c)

/**
 * Pareto/NBD P(alive | x, t_x, T) (Fader & Hardie 2005 note, eq. 23):
 * (α+T)^−(r+x)(β+T)^−s / [(α+T)^−(r+x)(β+T)^−s + s·(F(t_x) − F(T))], in log space.
 */
export function paretoNbdProbabilityAlive(p: ParetoNbdParams, x: number, tx: number, T: number): number {
  if (!(tx < T)) return 1
  const logE = -(p.r + x) * Math.log(p.alpha + T) - p.s * Math.log(p.beta + T)
  logTail(p.r, p.alpha, p.s, p.beta, x, tx, f1)
  logTail(p.r, p.alpha, p.s, p.beta, x, T, f2)
  const logSI = Math.log(p.s) + f1.value + Math.log1p(-Math.exp(f2.value - f1.value))
  return 1 / (1 + Math.exp(logSI - logE))
}

/**
 * Pareto/NBD E[Y(t) | x, t_x, T] (Fader & Hardie 2005 note, eq. 24):
 * (r+x)(β+T)/((α+T)(s−1))·[1 − ((β+T)/(β+T+t))^(s−1)]·P(alive), with the s = 1 limit.
 */
export function paretoNbdExpectedPurchases(p: ParetoNbdParams, t: number, x: number, tx: number, T: number) {
  if (t <= 0) return 0
  const scale = ((p.r + x) * (p.beta + T)) / (p.alpha + T)
  return scale * powerIntegral(p.s - 1, Math.log1p(t / (p.beta + T))) * paretoNbdProbabilityAlive(p, x, tx, T)
}

/** Pareto/NBD E[X(t)] for a new customer (Schmittlein et al. 1987, eq. 17): rβ/(α(s−1))·[1 − (β/(β+t))^(s−1)]. */
export function paretoNbdUnconditionalExpectedPurchases(p: ParetoNbdParams, t: number): number {
  if (t <= 0) return 0
  return ((p.r * p.beta) / p.alpha) * powerIntegral(p.s - 1, Math.log1p(t / p.beta))
}

/**
 * Pareto/NBD P(X(t) = n) for a new customer. Conditioning on the death time τ (exponential, rate μ):
 *   P = NB(n; t)·(β/(β+t))ˢ + ∫₀ᵗ NB(n; τ)·sβˢ(β+τ)^−(s+1) dτ,
 * NB(n; τ) = Γ(r+n)/(Γ(r) n!)·(α/(α+τ))ʳ(τ/(α+τ))ⁿ, the same mixture Fader & Hardie's P(X(t)=x) note
 * (2006/2020) solves in closed form; the one-dimensional integral is taken by Gauss–Legendre.
 */
export function paretoNbdPurchaseProbability(p: ParetoNbdParams, n: number, t: number): number {
  const { r, alpha, s, beta } = p
  const lc = lgamma(r + n) - lgamma(r) - lgamma(n + 1)
  const logNb = (tau: number) =>
    lc + r * Math.log(alpha / (alpha + tau)) + (n === 0 ? 0 : n * Math.log(tau / (alpha + tau)))
  const alive = logNb(t) + s * Math.log(beta / (beta + t))
  const dead = logIntegrate(
    (tau) => logNb(tau) + Math.log(s) + s * Math.log(beta) - (s + 1) * Math.log(beta + tau),
    0,
    t,
  )
  return Math.exp(logAddExp(alive, dead))
}

/** Predictor for fitted Pareto/NBD parameters. */
export function paretoNbdPredictor(p: ParetoNbdParams): PurchasePredictor {
  return {
    expectedPurchases: (t, x, tx, T) => paretoNbdExpectedPurchases(p, t, x, tx, T),
    probabilityAlive: (x, tx, T) => paretoNbdProbabilityAlive(p, x, tx, T),
    unconditionalExpectedPurchases: (t) => paretoNbdUnconditionalExpectedPurchases(p, t),
    purchaseProbability: (n, t) => paretoNbdPurchaseProbability(p, n, t),
  }
}
