import { describe, expect, it } from 'vitest'
import { digamma, hyp2f1, hyp2f1Unit, lgamma, logAddExp } from './special-functions.js'

describe('special functions', () => {
  it('lgamma matches exact values and Stirling for large arguments', () => {
    expect(lgamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 13)
    expect(lgamma(1)).toBeCloseTo(0, 13)
    expect(lgamma(10)).toBeCloseTo(Math.log(362880), 12)
    expect(lgamma(0.1)).toBeCloseTo(2.252712651734206, 12)
    const z = 1e6
    const stirling = (z - 0.5) * Math.log(z) - z + 0.5 * Math.log(2 * Math.PI) + 1 / (12 * z)
    expect(lgamma(z) / stirling).toBeCloseTo(1, 13)
  })

  it('digamma matches exact values and the recurrence', () => {
    const euler = 0.5772156649015329
    expect(digamma(1)).toBeCloseTo(-euler, 13)
    expect(digamma(0.5)).toBeCloseTo(-euler - 2 * Math.LN2, 13)
    expect(digamma(3.7) - digamma(2.7)).toBeCloseTo(1 / 2.7, 13)
    expect(digamma(5000.5)).toBeCloseTo(Math.log(5000.5) - 1 / (2 * 5000.5) - 1 / (12 * 5000.5 ** 2), 12)
  })

  it('hyp2f1 matches closed forms', () => {
    for (const z of [0, 0.3, 0.9, 0.99]) {
      expect(hyp2f1(1, 1, 2, z)).toBeCloseTo(z === 0 ? 1 : -Math.log1p(-z) / z, 10)
      expect(hyp2f1(2.5, 1, 1, z)).toBeCloseTo((1 - z) ** -2.5, 8)
    }
  })

  it('hyp2f1Unit returns 2F1(1, b; c; z) and its derivatives', () => {
    const out = { value: 0, db: 0, dc: 0, dz: 0 }
    const [b, c, z] = [1.6, 4.2, 0.7]
    hyp2f1Unit(b, c, z, out)
    expect(out.value).toBeCloseTo(hyp2f1(1, b, c, z), 12)
    const h = 1e-6
    const at = (bb: number, cc: number, zz: number) => hyp2f1Unit(bb, cc, zz, { ...out }).value
    expect(out.db).toBeCloseTo((at(b + h, c, z) - at(b - h, c, z)) / (2 * h), 6)
    expect(out.dc).toBeCloseTo((at(b, c + h, z) - at(b, c - h, z)) / (2 * h), 6)
    expect(out.dz).toBeCloseTo((at(b, c, z + h) - at(b, c, z - h)) / (2 * h), 6)
  })

  it('hyp2f1Unit switches to the continued fraction near z = 1 without changing the answer', () => {
    const series = { value: 0, db: 0, dc: 0, dz: 0 }
    const fraction = { value: 0, db: 0, dc: 0, dz: 0 }
    for (const [b, c] of [
      [1.6, 2.2],
      [0.5, 1.55],
      [30.5, 31.7],
    ] as const) {
      // at z = 0.8 the series is still cheap; compare it with the fraction just above the switch
      hyp2f1Unit(b, c, 0.8, series)
      hyp2f1Unit(b, c, 0.8 + 1e-12, fraction)
      expect(fraction.value / series.value).toBeCloseTo(1, 10)
      expect(fraction.db / series.db).toBeCloseTo(1, 6)
      expect(fraction.dc / series.dc).toBeCloseTo(1, 6)
      expect(fraction.dz / series.dz).toBeCloseTo(1, 6)
    }
    // z → 1 with c − 1 − b < 0: G ≈ Γ(c)Γ(1+b−c)/Γ(b)·(1−z)^(c−1−b) (leading term of the connection formula)
    const [b, c, z] = [2.5, 3.1, 1 - 1e-6]
    const leading = Math.exp(lgamma(c) + lgamma(1 + b - c) - lgamma(b)) * (1 - z) ** (c - 1 - b)
    expect(hyp2f1Unit(b, c, z, series).value / leading).toBeCloseTo(1, 1)
  })

  it('logAddExp does not overflow', () => {
    expect(logAddExp(1000, 1000)).toBeCloseTo(1000 + Math.LN2, 12)
    expect(logAddExp(Number.NEGATIVE_INFINITY, 3)).toBe(3)
  })
})
