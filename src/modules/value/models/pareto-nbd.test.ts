import { describe, expect, it } from 'vitest'
import { cdnowFromLog, cdnowSummary } from './cdnow.test-data.js'
import { asFolded, foldCustomers } from './fold.js'
import { fitParetoNbd, paretoNbdLogLikelihood, paretoNbdObjective } from './pareto-nbd.js'
import {
  paretoNbdExpectedPurchases,
  paretoNbdProbabilityAlive,
  paretoNbdPurchaseProbability,
  paretoNbdUnconditionalExpectedPurchases,
} from './pareto-nbd.predict.js'
import { sampleGamma, seededRandom, simulateParetoNbd } from './simulate.js'
import { lgamma } from './special-functions.js'

// Fader & Hardie's CDNOW Pareto/NBD estimates (LL −9594.98), as reproduced by lifetimes' tests
// (0.553, 10.578, 0.606, 11.669).
const published = { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 }

/** Eq. 22 with the ∫ over the death time taken by brute-force Simpson (no 2F1 anywhere). */
function likelihoodByQuadrature(p: typeof published, x: number, tx: number, T: number) {
  const { r, alpha, s, beta } = p
  const f = (y: number) => (alpha + y) ** -(r + x) * (beta + y) ** -(s + 1)
  const n = 20_000
  const h = (T - tx) / n
  let integral = f(tx) + f(T)
  for (let i = 1; i < n; i++) integral += (i % 2 ? 4 : 2) * f(tx + i * h)
  integral *= h / 3
  const logC = lgamma(r + x) - lgamma(r) + r * Math.log(alpha) + s * Math.log(beta)
  return logC + Math.log((alpha + T) ** -(r + x) * (beta + T) ** -s + s * integral)
}

describe('fitParetoNbd', () => {
  const fit = fitParetoNbd(foldCustomers(cdnowSummary()))

  it('reproduces the published CDNOW estimates and log-likelihood', () => {
    expect(fit.converged).toBe(true)
    expect(fit.params.r).toBeCloseTo(published.r, 2)
    expect(fit.params.alpha).toBeCloseTo(published.alpha, 1)
    expect(fit.params.s).toBeCloseTo(published.s, 2)
    expect(fit.params.beta).toBeCloseTo(published.beta, 1)
    expect(fit.logLikelihood).toBeCloseTo(-9594.98, 1)
    for (const se of Object.values(fit.standardErrors)) expect(se).toBeGreaterThan(0)
  })

  it('gives the same fit from the raw transaction log', () => {
    const raw = fitParetoNbd(foldCustomers(cdnowFromLog()))
    expect(raw.params.r).toBeCloseTo(published.r, 2)
    expect(raw.params.alpha).toBeCloseTo(published.alpha, 1)
    expect(raw.params.s).toBeCloseTo(published.s, 2)
    expect(raw.params.beta / published.beta).toBeCloseTo(1, 2)
  })

  it('evaluates eq. 22 like direct quadrature in both 2F1 branches', () => {
    const rows = [
      [0, 0, 38.86],
      [2, 30.43, 38.86],
      [7, 5.5, 30],
      [29, 37.5, 38],
    ] as const
    // the last two put z = |α − β|/(max + t) near 1, where the continued fraction takes over
    const extremes = [
      { ...published, alpha: 60, beta: 0.4 },
      { ...published, alpha: 0.3, beta: 80 },
    ]
    for (const params of [published, { ...published, alpha: 3 }, { ...published, beta: 2.5 }, ...extremes]) {
      for (const [x, tx, T] of rows) {
        const data = { x: Float64Array.of(x), tx: Float64Array.of(tx), T: Float64Array.of(T) }
        expect(paretoNbdLogLikelihood(params, data)).toBeCloseTo(likelihoodByQuadrature(params, x, tx, T), 8)
      }
    }
  })

  it('has an analytic gradient that matches finite differences (α > β and α < β)', () => {
    const objective = paretoNbdObjective(asFolded(cdnowSummary()))
    for (const start of [
      [-0.5, 2.5, -0.3, 1.5],
      [-0.5, 1.5, -0.3, 2.5],
      [-0.5, 4, -0.3, -1], // z near 1: continued-fraction branch
      [-0.5, -1, -0.3, 4.5],
    ]) {
      const u = Float64Array.from(start)
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
    }
  })
})

describe('Pareto/NBD predictions', () => {
  it('P(alive) and E[Y(t)] agree with Monte Carlo integration over the mixing distributions', () => {
    const rand = seededRandom(3)
    const [x, tx, T, t] = [3, 20, 36, 26]
    let sumL = 0
    let sumAlive = 0
    let sumY = 0
    for (let i = 0; i < 400_000; i++) {
      const lambda = sampleGamma(rand, published.r, published.alpha)
      const mu = sampleGamma(rand, published.s, published.beta)
      const alive = lambda ** x * Math.exp(-(lambda + mu) * T)
      const dead =
        ((lambda ** x * mu) / (lambda + mu)) * (Math.exp(-(lambda + mu) * tx) - Math.exp(-(lambda + mu) * T))
      sumL += alive + dead
      sumAlive += alive
      sumY += (alive * lambda * (1 - Math.exp(-mu * t))) / mu
    }
    expect(paretoNbdProbabilityAlive(published, x, tx, T)).toBeCloseTo(sumAlive / sumL, 2)
    expect(paretoNbdExpectedPurchases(published, t, x, tx, T) / (sumY / sumL)).toBeCloseTo(1, 1)
  })

  it('P(X(t)=n) sums to 1, has mean E[X(t)], and matches simulation', () => {
    const t = 39
    let total = 0
    let mean = 0
    for (let n = 0; n < 300; n++) {
      const pn = paretoNbdPurchaseProbability(published, n, t)
      total += pn
      mean += n * pn
    }
    expect(total).toBeCloseTo(1, 5)
    expect(mean).toBeCloseTo(paretoNbdUnconditionalExpectedPurchases(published, t), 3)
    const sim = simulateParetoNbd(published, new Float64Array(200_000).fill(t), seededRandom(5))
    const simMean = sim.x.reduce((s, v) => s + v, 0) / sim.x.length
    const simZero = sim.x.filter((v) => v === 0).length / sim.x.length
    expect(paretoNbdUnconditionalExpectedPurchases(published, t)).toBeCloseTo(simMean, 1)
    expect(paretoNbdPurchaseProbability(published, 0, t)).toBeCloseTo(simZero, 2)
  })

  it('stays finite for a customer with 5000 repeat purchases, in both branches', () => {
    for (const params of [published, { ...published, alpha: 20 }]) {
      const data = { x: Float64Array.of(5000), tx: Float64Array.of(300), T: Float64Array.of(310) }
      expect(Number.isFinite(paretoNbdLogLikelihood(params, data))).toBe(true)
      const pAlive = paretoNbdProbabilityAlive(params, 5000, 300, 310)
      expect(pAlive).toBeGreaterThanOrEqual(0)
      expect(pAlive).toBeLessThanOrEqual(1)
      expect(Number.isFinite(paretoNbdExpectedPurchases(params, 52, 5000, 309.9, 310))).toBe(true)
    }
  })
})
