import { describe, expect, it } from 'vitest'
import { bgNbdExpectedPurchases, bgNbdPredictor } from './bg-nbd.predict.js'
import { customerLifetimeValueAll, monthLengthIn } from './clv.js'

const params = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }
const data = {
  x: Float64Array.of(0, 2, 10),
  tx: Float64Array.of(0, 30.43, 38),
  T: Float64Array.of(38.86, 38.86, 39),
}
const spend = Float64Array.of(30, 40, 50)

describe('customerLifetimeValueAll', () => {
  it('without discounting is margin × spend × expected purchases over the horizon', () => {
    const month = monthLengthIn('weeks')
    const clv = customerLifetimeValueAll(bgNbdPredictor(params), data, spend, {
      months: 12,
      monthlyDiscountRate: 0,
      margin: 0.5,
      monthLength: month,
    })
    for (let i = 0; i < 3; i++) {
      const e = bgNbdExpectedPurchases(params, 12 * month, data.x[i]!, data.tx[i]!, data.T[i]!)
      expect(clv[i]).toBeCloseTo(0.5 * spend[i]! * e, 8)
    }
  })

  it('discounts each month’s purchases at its end', () => {
    const model = bgNbdPredictor(params)
    const opts = { months: 24, monthlyDiscountRate: 0.01, margin: 1, monthLength: 30 / 7 }
    const [clv] = customerLifetimeValueAll(model, data, spend, opts)
    let expected = 0
    for (let i = 1; i <= 24; i++) {
      const month =
        model.expectedPurchases(i * (30 / 7), 0, 0, 38.86) -
        model.expectedPurchases((i - 1) * (30 / 7), 0, 0, 38.86)
      expected += (30 * month) / 1.01 ** i
    }
    expect(clv).toBeCloseTo(expected, 8)
    const undiscounted = customerLifetimeValueAll(model, data, spend, { ...opts, monthlyDiscountRate: 0 })
    expect(clv).toBeLessThan(undiscounted[0]!)
  })
})
