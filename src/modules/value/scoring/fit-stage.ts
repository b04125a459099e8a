import {
  bgNbdPredictor,
  type FitResult,
  type FoldedCustomers,
  fitBgNbd,
  fitGammaGamma,
  fitParetoNbd,
  type GammaGammaParams,
  type PurchasePredictor,
  paretoNbdPredictor,
} from '../models/index.js'
import { ValueError } from '../value.errors.js'
import type { FoldedSpend, FoldedStage } from './fold-stage.js'
import type { ScoreOptions } from './score-options.js'

/** Fewer repeat buyers than this leave the spend model unfitted: their mean spends are used as they are. */
const MIN_REPEAT_BUYERS = 10

export interface StageFit {
  model: ScoreOptions['model']
  fit: FitResult<Record<string, number>>
  predictor: PurchasePredictor
  spend: FitResult<GammaGammaParams> | null
  /** the folded rows in model units (t_x, T divided by the unit's days) */
  data: FoldedCustomers
}

export const unitDays = (unit: ScoreOptions['unit']) => (unit === 'weeks' ? 7 : 1)

/** The folded stage in model units, weighted by customers. */
export function toModelUnits(stage: FoldedStage, unit: ScoreOptions['unit']): FoldedCustomers {
  const days = unitDays(unit)
  return {
    x: Float64Array.from(stage.x),
    tx: Float64Array.from(stage.recencyDays, (d) => d / days),
    T: Float64Array.from(stage.ageDays, (d) => d / days),
    weight: stage.customers,
    rows: stage.rows,
    customers: stage.totalCustomers,
  }
}

/**
 * Fits the purchase model (BG/NBD or Pareto/NBD) on the folded rows and, with enough repeat
 * buyers, the Gamma-Gamma spend model. A fit that ends on non-finite parameters is refused: it
 * would write nonsense for every customer.
 */
export function fitStage(stage: FoldedStage, spend: FoldedSpend, options: ScoreOptions): StageFit {
  if (stage.totalCustomers === 0) {
    throw new ValueError('NO_PURCHASES', 'no customer has a completed purchase by the calibration end')
  }
  const data = toModelUnits(stage, options.unit)
  let fit: FitResult<Record<string, number>>
  let predictor: PurchasePredictor
  if (options.model === 'pareto') {
    const f = fitParetoNbd(data)
    fit = f as unknown as FitResult<Record<string, number>>
    predictor = paretoNbdPredictor(f.params)
  } else {
    const f = fitBgNbd(data)
    fit = f as unknown as FitResult<Record<string, number>>
    predictor = bgNbdPredictor(f.params)
  }
  if (!Object.values(fit.params).every(Number.isFinite) || !Number.isFinite(fit.logLikelihood)) {
    throw new ValueError('FIT_FAILED', `the ${options.model} fit did not converge on this data`)
  }
  let spendFit: FitResult<GammaGammaParams> | null = null
  const repeatBuyers = spend.weight.reduce((s, w) => s + w, 0)
  if (repeatBuyers >= MIN_REPEAT_BUYERS) {
    const f = fitGammaGamma(spend)
    if (Object.values(f.params).every(Number.isFinite)) spendFit = f
  }
  return { model: options.model, fit, predictor, spend: spendFit, data }
}
