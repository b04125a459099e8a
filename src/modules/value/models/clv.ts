import type { PurchasePredictor } from './predictor.js'
import type { CustomerColumns } from './types.js'

export interface ClvOptions {
  /** horizon in months */
  months: number
  /** discount rate per month, e.g. 0.01 */
  monthlyDiscountRate: number
  /** profit margin applied to spend, 0..1 (1 = revenue) */
  margin: number
  /** length of a month in the model's time unit: 30.4375 for days, 30.4375/7 for weeks */
  monthLength: number
}

/** Average month (365.25/12 days) in days or weeks. */
export const monthLengthIn = (unit: 'days' | 'weeks') => (unit === 'days' ? 365.25 / 12 : 365.25 / 12 / 7)

/**
 * Discounted customer lifetime value over a horizon, for every customer:
 *   CLV = margin · E[M] · Σ_{i=1..H} (E[Y(iΔ)] − E[Y((i−1)Δ)]) / (1 + d)^i
 * where E[Y(t)] is the model's conditional expected purchases in (T, T+t], Δ the month length in
 * model units, d the monthly discount rate and E[M] the expected spend per purchase (Gamma-Gamma
 * conditional mean). Purchases of month i are discounted as if paid at its end.
 */
export function customerLifetimeValueAll(
  model: PurchasePredictor,
  data: CustomerColumns,
  expectedSpend: Float64Array,
  options: ClvOptions,
): Float64Array {
  const { months, monthlyDiscountRate: d, margin, monthLength } = options
  const out = new Float64Array(data.x.length)
  for (let c = 0; c < out.length; c++) {
    const x = data.x[c]!
    const tx = data.tx[c]!
    const T = data.T[c]!
    let previous = 0
    let total = 0
    for (let i = 1; i <= months; i++) {
      const cumulative = model.expectedPurchases(i * monthLength, x, tx, T)
      total += (cumulative - previous) / (1 + d) ** i
      previous = cumulative
    }
    out[c] = margin * expectedSpend[c]! * total
  }
  return out
}
