/**
 * Value engine: customer summaries from purchase logs, probabilistic models (BG/NBD, Pareto/NBD,
 * Gamma-Gamma) fitted by maximum likelihood, predictions and CLV.
 */

export {
  type FitFromFilesOptions,
  fitFromFiles,
  type SpendReport,
  type ValueFitReport,
} from './fit-from-files.js'
export * from './models/index.js'
export * from './summary/index.js'
