import { describe, expect, it } from 'vitest'
import { fitBgNbd } from './bg-nbd.js'
import { bgNbdPredictor } from './bg-nbd.predict.js'
import { cdnowFromLog } from './cdnow.test-data.js'
import { foldCustomers } from './fold.js'
import { cumulativeTracking, holdoutByFrequency } from './holdout.js'
import { fitParetoNbd } from './pareto-nbd.js'
import { paretoNbdPredictor } from './pareto-nbd.predict.js'

describe('holdout comparison on CDNOW (weeks 40–78)', () => {
  const summary = cdnowFromLog()
  const folded = foldCustomers(summary)
  const models = {
    bgnbd: bgNbdPredictor(fitBgNbd(folded).params),
    pareto: paretoNbdPredictor(fitParetoNbd(folded).params),
  }

  it('buckets customers by calibration frequency with observed and predicted means', () => {
    for (const model of Object.values(models)) {
      const buckets = holdoutByFrequency(model, summary)
      expect(buckets.map((b) => b.frequency)).toEqual([0, 1, 2, 3, 4, 5, 6, 7])
      expect(buckets.reduce((s, b) => s + b.customers, 0)).toBe(2357)
      const observed = buckets.reduce((s, b) => s + b.actual * b.customers, 0)
      expect(observed).toBeCloseTo(
        summary.holdoutPurchases.reduce((s, v) => s + v, 0),
        6,
      )
      // FHL (2005) Fig. 4: predictions rise with x and track the observed means; both models
      // under-predict the x = 1..2 buckets (the Pareto/NBD by up to ~40%), as in the paper.
      for (const b of buckets) expect(b.predicted / b.actual).toBeGreaterThan(0.55)
      for (const b of buckets) expect(b.predicted / b.actual).toBeLessThan(1.1)
      for (let k = 1; k < buckets.length; k++)
        expect(buckets[k]!.predicted).toBeGreaterThan(buckets[k - 1]!.predicted)
    }
  })

  it('tracks cumulative repeat purchases week by week', () => {
    for (const model of Object.values(models)) {
      const track = cumulativeTracking(model, summary)
      expect(track.actual.length).toBe(78)
      expect(track.actual[38]).toBe(2457) // all calibration repeat purchases by the end of week 39
      expect(track.predicted[38]! / track.actual[38]!).toBeCloseTo(1, 1)
      expect(track.predicted[77]! / track.actual[77]!).toBeCloseTo(1, 1)
    }
  })
})
