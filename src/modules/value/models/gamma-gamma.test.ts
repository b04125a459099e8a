import { describe, expect, it } from 'vitest'
import { cdnowFromLog, cdnowSummaryWithSpend } from './cdnow.test-data.js'
import { fitGammaGamma, gammaGammaExpectedSpend, gammaGammaObjective } from './gamma-gamma.js'
import { sampleGamma, seededRandom, simulateGammaGamma } from './simulate.js'

// FHL (2005b) / lifetimes: p = 6.25, q = 3.74, v = 15.44 on the 946 CDNOW repeat buyers.
const published = { p: 6.25, q: 3.74, v: 15.44 }

describe('fitGammaGamma', () => {
  it('reproduces the published CDNOW estimates on the repeat buyers', () => {
    const s = cdnowSummaryWithSpend()
    const fit = fitGammaGamma({ x: s.x, monetary: s.monetary! })
    expect(fit.customers).toBe(946)
    expect(fit.params.p).toBeCloseTo(published.p, 1)
    expect(fit.params.q).toBeCloseTo(published.q, 1)
    expect(fit.params.v).toBeCloseTo(published.v, 1)
  })

  it('gives the same fit from the raw transaction log', () => {
    const s = cdnowFromLog()
    const fit = fitGammaGamma({ x: s.x, monetary: s.monetary })
    expect(fit.params.p).toBeCloseTo(published.p, 1)
    expect(fit.params.q).toBeCloseTo(published.q, 1)
    expect(fit.params.v).toBeCloseTo(published.v, 1)
  })

  it('has an analytic gradient that matches finite differences', () => {
    const s = cdnowSummaryWithSpend()
    const keep = Array.from(s.x.keys()).filter((i) => s.x[i]! > 0)
    const objective = gammaGammaObjective({
      x: Float64Array.from(keep, (i) => s.x[i]!),
      monetary: Float64Array.from(keep, (i) => s.monetary![i]!),
    })
    const u = Float64Array.of(1.5, 1, 2.5)
    const grad = new Float64Array(3)
    objective(u, grad)
    for (let j = 0; j < 3; j++) {
      const up = Float64Array.from(u)
      const down = Float64Array.from(u)
      up[j] = u[j]! + 1e-6
      down[j] = u[j]! - 1e-6
      const numeric = (objective(up, new Float64Array(3)) - objective(down, new Float64Array(3))) / 2e-6
      expect(grad[j]).toBeCloseTo(numeric, 6)
    }
  })

  it('recovers the parameters of simulated spends', () => {
    const rand = seededRandom(1)
    const x = Float64Array.from({ length: 50_000 }, () => 1 + Math.floor(rand() * 10))
    const monetary = simulateGammaGamma(published, x, rand)
    const fit = fitGammaGamma({ x, monetary })
    expect(fit.params.p / published.p).toBeCloseTo(1, 1)
    expect(fit.params.q / published.q).toBeCloseTo(1, 1)
  })
})

describe('gammaGammaExpectedSpend', () => {
  it('equals the posterior mean of p/ν by Monte Carlo', () => {
    // ν ~ Gamma(q, v) prior, weighted by the Gamma(px, νx) density of the observed mean m.
    const [x, m] = [4, 50]
    const { p, q, v } = published
    const rand = seededRandom(9)
    let sw = 0
    let swMean = 0
    for (let i = 0; i < 400_000; i++) {
      const nu = sampleGamma(rand, q, v)
      const w = Math.exp(p * x * Math.log(nu * x) - nu * x * m)
      sw += w
      swMean += (w * p) / nu
    }
    expect(gammaGammaExpectedSpend(published, x, m) / (swMean / sw)).toBeCloseTo(1, 2)
  })
})
