import type { PurchasePredictor } from './predictor.js'
import type { CustomerColumns } from './types.js'

/** Calibration summary plus what each customer did after the calibration end. */
export interface HoldoutColumns extends CustomerColumns {
  /** repeat purchase days in the holdout period */
  holdoutPurchases: Float64Array
  /** holdout period length in model units */
  holdoutLength: Float64Array
}

export interface FrequencyBucket {
  /** calibration frequency x; the last bucket holds x ≥ its value ("7+") */
  frequency: number
  customers: number
  /** mean holdout repeat purchases per customer, observed and predicted */
  actual: number
  predicted: number
}

/**
 * Conditional expectations against the holdout, grouped by calibration frequency (FHL 2005 Fig. 4):
 * for bucket k, the mean observed holdout purchases next to the mean E[Y(t*) | x, t_x, T], t* being
 * each customer's holdout length.
 */
export function holdoutByFrequency(model: PurchasePredictor, data: HoldoutColumns, lastBucket = 7) {
  const buckets: FrequencyBucket[] = Array.from({ length: lastBucket + 1 }, (_, k) => ({
    frequency: k,
    customers: 0,
    actual: 0,
    predicted: 0,
  }))
  for (let i = 0; i < data.x.length; i++) {
    const x = data.x[i]!
    const bucket = buckets[Math.min(Math.floor(x), lastBucket)]!
    bucket.customers++
    bucket.actual += data.holdoutPurchases[i]!
    bucket.predicted += model.expectedPurchases(data.holdoutLength[i]!, x, data.tx[i]!, data.T[i]!)
  }
  for (const b of buckets) {
    if (b.customers === 0) continue
    b.actual /= b.customers
    b.predicted /= b.customers
  }
  return buckets
}

/** Repeat purchases per period over calibration and holdout, and when each customer started. */
export interface TrackingColumns {
  /** first purchase of each customer, in model units since the first day of the data */
  birth: Float64Array
  /** observed repeat purchases (all customers) in period k = [k, k+1) model units since that day */
  repeatByPeriod: Float64Array
}

export interface CumulativeTracking {
  /** cumulative repeat purchases at the end of each period, observed and predicted */
  actual: Float64Array
  predicted: Float64Array
}

/**
 * Cumulative repeat-purchase tracking (FHL 2005 Fig. 2): the prediction at the end of period k is
 * Σ_customers E[X(k + 1 − birth)], the unconditional expectation since each customer's first
 * purchase. Customers are grouped by distinct birth time, so the cost is periods × distinct births.
 */
export function cumulativeTracking(model: PurchasePredictor, data: TrackingColumns): CumulativeTracking {
  const births = new Map<number, number>()
  for (const b of data.birth) births.set(b, (births.get(b) ?? 0) + 1)
  const periods = data.repeatByPeriod.length
  const actual = new Float64Array(periods)
  const predicted = new Float64Array(periods)
  let running = 0
  for (let k = 0; k < periods; k++) {
    running += data.repeatByPeriod[k]!
    actual[k] = running
    let sum = 0
    for (const [birth, count] of births) {
      const t = k + 1 - birth
      if (t > 0) sum += count * model.unconditionalExpectedPurchases(t)
    }
    predicted[k] = sum
  }
  return { actual, predicted }
}
