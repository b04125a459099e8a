/** Per-customer calibration summaries as columns: x = repeat purchases, tx = recency, T = age. */
export interface CustomerColumns {
  x: Float64Array
  tx: Float64Array
  T: Float64Array
}

/** Identical (x, t_x, T) rows folded into one row with a weight (the number of customers). */
export interface FoldedCustomers extends CustomerColumns {
  weight: Float64Array
  /** number of distinct rows */
  rows: number
  /** total weight = number of customers */
  customers: number
}

export interface BgNbdParams {
  r: number
  alpha: number
  a: number
  b: number
}

export interface ParetoNbdParams {
  r: number
  alpha: number
  s: number
  beta: number
}

export interface GammaGammaParams {
  p: number
  q: number
  v: number
}

/** Result of a maximum-likelihood fit. */
export interface FitResult<P> {
  params: P
  /** asymptotic standard errors from the inverse Hessian of −LL at the optimum, keyed like params */
  standardErrors: P
  logLikelihood: number
  /** number of customers (total weight) the model was fitted on */
  customers: number
  iterations: number
  converged: boolean
}

/** Options for the optimiser; defaults suit every model here. */
export interface FitOptions {
  /** starting values; data-driven defaults otherwise */
  start?: number[]
  maxIterations?: number
}
