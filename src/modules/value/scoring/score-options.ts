import { z } from 'zod'

const IsoDay = z.iso.date()

/**
 * Options of a scoring run. Without `holdoutEnd` the run scores every customer: predictions,
 * profitability, RFM and tiers are written. With `holdoutEnd` it is an evaluation run: the models
 * are fitted on purchases up to `calibrationEnd` and compared with what customers did up to
 * `holdoutEnd`; nothing is written to customers (predictions as of a past day would be stale).
 */
export const ScoreOptions = z
  .object({
    model: z.enum(['bgnbd', 'pareto']).default('bgnbd').describe('Purchase model: BG/NBD or Pareto/NBD'),
    unit: z.enum(['days', 'weeks']).default('weeks').describe('Time unit of the model'),
    horizonMonths: z.number().int().min(1).max(120).default(12).describe('CLV horizon in months'),
    discountMonthly: z.number().min(0).max(1).default(0.01).describe('Monthly discount rate of the CLV'),
    calibrationEnd: IsoDay.optional().describe(
      'Last day of the calibration period (YYYY-MM-DD, workspace time zone); default today',
    ),
    holdoutEnd: IsoDay.optional().describe(
      'Last day of a holdout period after calibrationEnd: makes this an evaluation run',
    ),
  })
  .refine((o) => !o.holdoutEnd || (o.calibrationEnd !== undefined && o.holdoutEnd > o.calibrationEnd), {
    path: ['holdoutEnd'],
    message: 'a holdout needs a calibrationEnd before it',
  })
export type ScoreOptions = z.infer<typeof ScoreOptions>
export type ScoreOptionsInput = z.input<typeof ScoreOptions>
