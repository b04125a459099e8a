import { describe, expect, it } from 'vitest'
import { meanWithInterval, npsWithInterval, wilson } from './feedback-stats.js'

describe('feedback statistics', () => {
  it('Wilson interval matches the published worked example', () => {
    // Newcombe (1998), Table I: 81/263 → 0.2553 to 0.3662.
    const w = wilson(81, 263)
    expect(w.low).toBeCloseTo(0.2553, 4)
    expect(w.high).toBeCloseTo(0.3662, 4)
    // 0 of 10 still gives a non-degenerate upper bound (0.2775).
    expect(wilson(0, 10).low).toBe(0)
    expect(wilson(0, 10).high).toBeCloseTo(0.2775, 4)
  })

  it('NPS interval from the variance of the difference of proportions', () => {
    // 50 promoters, 20 detractors, 30 passives of 100: NPS 30, Var = (0.5+0.2-0.09)/100 = 0.0061.
    const r = npsWithInterval(50, 20, 100)
    expect(r.value).toBeCloseTo(30, 10)
    const half = 1.959963984540054 * Math.sqrt(0.0061) * 100
    expect(r.low).toBeCloseTo(30 - half, 8)
    expect(r.high).toBeCloseTo(30 + half, 8)
    expect(npsWithInterval(0, 0, 0).value).toBeNull()
    expect(npsWithInterval(3, 0, 3)).toEqual({ value: 100, low: 100, high: 100 })
  })

  it('mean interval from the sample variance', () => {
    // 2, 4, 4, 4, 5, 5, 7, 9: mean 5, sample variance 32/7.
    const xs = [2, 4, 4, 4, 5, 5, 7, 9]
    const r = meanWithInterval(
      xs.reduce((a, b) => a + b),
      xs.reduce((a, b) => a + b * b, 0),
      xs.length,
    )
    expect(r.value).toBe(5)
    expect(r.high! - 5).toBeCloseTo(1.959963984540054 * Math.sqrt(32 / 7 / 8), 10)
  })
})
