/**
 * What the CLV, holdout and "for all" helpers need from a purchase model (BG/NBD or Pareto/NBD).
 * Times are in the unit the model was fitted in.
 */
export interface PurchasePredictor {
  /** E[Y(t) | x, t_x, T]: expected repeat purchases in (T, T + t] for a customer with this history */
  expectedPurchases(t: number, x: number, tx: number, T: number): number
  /** P(alive at T | x, t_x, T) */
  probabilityAlive(x: number, tx: number, T: number): number
  /** E[X(t)] for a randomly chosen new customer, t after the first purchase */
  unconditionalExpectedPurchases(t: number): number
  /** P(X(t) = n) for a randomly chosen new customer */
  purchaseProbability(n: number, t: number): number
}
