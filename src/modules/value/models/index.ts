// Public surface of the CLV models: pure numerics over typed arrays, no I/O.
export { bgNbdLogLikelihood, fitBgNbd } from './bg-nbd.js'
export {
  bgNbdExpectedPurchases,
  bgNbdPredictor,
  bgNbdProbabilityAlive,
  bgNbdPurchaseProbability,
  bgNbdUnconditionalExpectedPurchases,
} from './bg-nbd.predict.js'
export { type ClvOptions, customerLifetimeValueAll, monthLengthIn } from './clv.js'
export { foldCustomers } from './fold.js'
export {
  fitGammaGamma,
  gammaGammaExpectedSpend,
  gammaGammaExpectedSpendAll,
  type SpendColumns,
} from './gamma-gamma.js'
export {
  type CumulativeTracking,
  cumulativeTracking,
  type FrequencyBucket,
  type HoldoutColumns,
  holdoutByFrequency,
  type TrackingColumns,
} from './holdout.js'
export { fitParetoNbd, paretoNbdLogLikelihood } from './pareto-nbd.js'
export {
  paretoNbdExpectedPurchases,
  paretoNbdPredictor,
  paretoNbdProbabilityAlive,
  paretoNbdPurchaseProbability,
  paretoNbdUnconditionalExpectedPurchases,
} from './pareto-nbd.predict.js'
export { expectedPurchasesAll, probabilityAliveAll, purchaseProbabilities } from './predict-all.js'
export type { PurchasePredictor } from './predictor.js'
export {
  sampleGamma,
  seededRandom,
  simulateBgNbd,
  simulateGammaGamma,
  simulateParetoNbd,
} from './simulate.js'
export type {
  BgNbdParams,
  CustomerColumns,
  FitOptions,
  FitResult,
  FoldedCustomers,
  GammaGammaParams,
  ParetoNbdParams,
} from './types.js'
