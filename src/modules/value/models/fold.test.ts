import { describe, expect, it } from 'vitest'
import { fitBgNbd } from './bg-nbd.js'
import { cdnowSummary } from './cdnow.test-data.js'
import { foldCustomers } from './fold.js'

describe('foldCustomers', () => {
  it('merges identical rows into weights', () => {
    const f = foldCustomers({
      x: Float64Array.of(0, 1, 0, 1, 0),
      tx: Float64Array.of(0, 2, 0, 2, -0),
      T: Float64Array.of(5, 5, 5, 6, 5),
    })
    expect(f.rows).toBe(3)
    expect(f.customers).toBe(5)
    expect(Array.from(f.weight)).toEqual([3, 1, 1])
  })

  it('does not change the fit', () => {
    const data = cdnowSummary()
    const folded = foldCustomers(data)
    expect(folded.rows).toBeLessThan(data.x.length / 2)
    const a = fitBgNbd(folded)
    const b = fitBgNbd(data)
    expect(a.logLikelihood).toBeCloseTo(b.logLikelihood, 5)
    expect(a.params.r).toBeCloseTo(b.params.r, 5)
  })
})
