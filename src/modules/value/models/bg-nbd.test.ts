import { describe, expect, it } from 'vitest'
import { bgNbdLogLikelihood, bgNbdObjective, fitBgNbd } from './bg-nbd.js'
import {
  bgNbdExpectedPurchases,
  bgNbdProbabilityAlive,
  bgNbdPurchaseProbability,
  bgNbdUnconditionalExpectedPurchases,
} from './bg-nbd.predict.js'
import { cdnowFromLog, cdnowSummary } from './cdnow.test-data.js'
import { asFolded, foldCustomers } from './fold.js'
import { sampleGamma, seededRandom, simulateBgNbd } from './simulate.js'

// FHL (2005), section 5: the published CDNOW fit.
const published = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }

describe('fitBgNbd', () => {
  const fit = fitBgNbd(foldCustomers(cdnowSummary()))

  it('reproduces the published CDNOW estimates and log-likelihood', () => {
    expect(fit.converged).toBe(true)
    expect(fit.customers).toBe(2357)
    for (const k of ['r', 'alpha', 'a', 'b'] as const) expect(fit.params[k]).toBeCloseTo(published[k], 2)
    expect(fit.logLikelihood).toBeCloseTo(-9582.4, 1)
    // lifetimes' summary table for the same fit: se ≈ 0.01, 0.38, 0.19, 0.71
    expect(fit.standardErrors.r).toBeCloseTo(0.0126, 3)
    expect(fit.standardErrors.alpha).toBeCloseTo(0.378, 2)
    expect(fit.standardErrors.a).toBeCloseTo(0.186, 2)
    expect(fit.standardErrors.b).toBeCloseTo(0.705, 2)
  })

  it('gives the same fit from the raw transaction log', () => {
    const raw = fitBgNbd(foldCustomers(cdnowFromLog()))
    for (const k of ['r', 'alpha', 'a', 'b'] as const) expect(raw.params[k]).toBeCloseTo(published[k], 2)
    expect(raw.logLikelihood).toBeCloseTo(-9582.4, 0)
  })

  it('folding does not change the likelihood', () => {
    const data = cdnowSummary()
    expect(bgNbdLogLikelihood(published, foldCustomers(data))).toBeCloseTo(
      bgNbdLogLikelihood(published, data),
      6,
    )
  })

  it('has an analytic gradient that matches finite differences', () => {
    const objective = bgNbdObjective(asFolded(cdnowSummary()))
    const u = Float64Array.of(-1, 1, 0.2, 0.5)
    const grad = new Float64Array(4)
    objective(u, grad)
    for (let j = 0; j < 4; j++) {
      const up = Float64Array.from(u)
      const down = Float64Array.from(u)
      up[j] = u[j]! + 1e-6
      down[j] = u[j]! - 1e-6
      const numeric = (objective(up, new Float64Array(4)) - objective(down, new Float64Array(4))) / 2e-6
      expect(grad[j]).toBeCloseTo(numeric, 6)
    }
  })
})

describe('BG/NBD predictions', () => {
  it('matches the conditional expectation of Hardie’s spreadsheet (x=2, t_x=30.43, T=38.86, t=39)', () => {
    const fit = fitBgNbd(foldCustomers(cdnowSummary()))
    expect(bgNbdExpectedPurchases(fit.params, 39, 2, 30.43, 38.86)).toBeCloseTo(1.226, 3)
  })

  it('P(alive) and E[Y(t)] agree with Monte Carlo integration over the mixing distributions', () => {
    // Draw (λ, p) from the priors and weight each by its individual likelihood: the weighted means
    // are the posterior quantities, computed without any of the closed forms under test.
    const rand = seededRandom(7)
    const [x, tx, T, t] = [3, 20, 36, 26]
    let sumL = 0
    let sumAlive = 0
    let sumY = 0
    for (let i = 0; i < 400_000; i++) {
      const lambda = sampleGamma(rand, published.r, published.alpha)
      const x1 = sampleGamma(rand, published.a, 1)
      const p = x1 / (x1 + sampleGamma(rand, published.b, 1))
      const alive = (1 - p) ** x * lambda ** x * Math.exp(-lambda * T)
      const dead = p * (1 - p) ** (x - 1) * lambda ** x * Math.exp(-lambda * tx)
      sumL += alive + dead
      sumAlive += alive
      sumY += (alive * (1 - Math.exp(-lambda * p * t))) / p
    }
    expect(bgNbdProbabilityAlive(published, x, tx, T)).toBeCloseTo(sumAlive / sumL, 2)
    expect(bgNbdExpectedPurchases(published, t, x, tx, T) / (sumY / sumL)).toBeCloseTo(1, 1)
  })

  it('P(X(t)=n) sums to 1, has mean E[X(t)], and matches simulation', () => {
    const t = 39
    let total = 0
    let mean = 0
    for (let n = 0; n < 400; n++) {
      const pn = bgNbdPurchaseProbability(published, n, t)
      total += pn
      mean += n * pn
    }
    expect(total).toBeCloseTo(1, 6)
    expect(mean).toBeCloseTo(bgNbdUnconditionalExpectedPurchases(published, t), 4)
    const sim = simulateBgNbd(published, new Float64Array(200_000).fill(t), seededRandom(11))
    const simMean = sim.x.reduce((s, v) => s + v, 0) / sim.x.length
    const simZero = sim.x.filter((v) => v === 0).length / sim.x.length
    expect(bgNbdUnconditionalExpectedPurchases(published, t)).toBeCloseTo(simMean, 1)
    expect(bgNbdPurchaseProbability(published, 0, t)).toBeCloseTo(simZero, 2)
  })

  it('stays finite for a customer with 5000 repeat purchases', () => {
    const x = Float64Array.of(5000, 0)
    const data = { x, tx: Float64Array.of(300, 0), T: Float64Array.of(310, 300) }
    expect(Number.isFinite(bgNbdLogLikelihood(published, data))).toBe(true)
    const pAlive = bgNbdProbabilityAlive(published, 5000, 300, 310)
    expect(pAlive).toBeGreaterThanOrEqual(0)
    expect(pAlive).toBeLessThanOrEqual(1)
    const e = bgNbdExpectedPurchases(published, 52, 5000, 309.9, 310)
    expect(Number.isFinite(e)).toBe(true)
    expect(e).toBeGreaterThan(100) // ≈ 16 purchases a week while alive
    expect(Number.isFinite(bgNbdPurchaseProbability(published, 5000, 300))).toBe(true)
  })
})

describe('bgNbdExpectedPurchases with a nearly constant dropout probability', () => {
  it('reaches the fixed-p limit when a and b grow large (p = a/(a+b))', () => {
    // With p fixed, E[Y(t) | λ, alive] = (1 − e^(−λpt))/p; λ | x, T ~ Gamma(r+x, α+T) then gives
    // E[Y] = P(alive)·(1/p)·[1 − ((α+T)/(α+T+pt))^(r+x)]. a = 1e7, b = 2.5e7 is that limit to ~1e-7.
    const params = { r: 0.23, alpha: 2.2, a: 1e7, b: 2.5e7 }
    const p = 2 / 7
    for (const [x, tx, T, t] of [
      [0, 0, 40, 52],
      [1, 10, 80, 52],
      [4, 60, 90, 26],
      [30, 100, 104, 52],
    ] as const) {
      const alive = bgNbdProbabilityAlive(params, x, tx, T)
      const limit = (alive / p) * (1 - ((params.alpha + T) / (params.alpha + T + p * t)) ** (params.r + x))
      expect(bgNbdExpectedPurchases(params, t, x, tx, T), `x=${x}`).toBeCloseTo(limit, 5)
      expect(limit).toBeGreaterThan(0.01)
    }
  })
})
