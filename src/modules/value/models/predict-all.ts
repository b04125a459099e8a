import type { PurchasePredictor } from './predictor.js'
import type { CustomerColumns } from './types.js'

/** E[Y(t) | x, t_x, T] for every customer (FHL 2005 eq. 10 / Fader & Hardie 2005 eq. 24). */
export function expectedPurchasesAll(
  model: PurchasePredictor,
  t: number,
  data: CustomerColumns,
): Float64Array {
  const out = new Float64Array(data.x.length)
  for (let i = 0; i < out.length; i++)
    out[i] = model.expectedPurchases(t, data.x[i]!, data.tx[i]!, data.T[i]!)
  return out
}

/** P(alive | x, t_x, T) for every customer. */
export function probabilityAliveAll(model: PurchasePredictor, data: CustomerColumns): Float64Array {
  const out = new Float64Array(data.x.length)
  for (let i = 0; i < out.length; i++) out[i] = model.probabilityAlive(data.x[i]!, data.tx[i]!, data.T[i]!)
  return out
}

/** P(X(t) = n) for n = 0..maxN for a new customer. */
export function purchaseProbabilities(model: PurchasePredictor, t: number, maxN: number): Float64Array {
  return Float64Array.from({ length: maxN + 1 }, (_, n) => model.purchaseProbability(n, t))
}
