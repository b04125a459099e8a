import { type Kysely, sql } from 'kysely'
import type { DB } from '../../../db/database.js'
import {
  customerLifetimeValueAll,
  expectedPurchasesAll,
  monthLengthIn,
  probabilityAliveAll,
} from '../models/index.js'
import type { StageFit } from './fit-stage.js'
import type { FoldedStage } from './fold-stage.js'
import type { ScoreOptions } from './score-options.js'

/** Rows per INSERT ... SELECT FROM unnest(...): a few MB of parameters per statement. */
const BATCH = 20_000

export interface KeyPredictions {
  pAlive: Float64Array
  expectedPurchases: Float64Array
  /** Σ_i (E[Y(iΔ)] − E[Y((i−1)Δ)]) / (1+d)^i: the CLV per unit of spend per purchase */
  discounted: Float64Array
}

/**
 * Predictions for each distinct (x, t_x, T): customers who share a history share every prediction
 * but spend, so the model runs once per distinct row. CLV is then spend × `discounted`, a product
 * the database takes per customer (see write-customer-values.ts).
 */
export function predictKeys(fit: StageFit, options: ScoreOptions): KeyPredictions {
  const monthLength = monthLengthIn(options.unit)
  const ones = new Float64Array(fit.data.rows).fill(1)
  return {
    pAlive: probabilityAliveAll(fit.predictor, fit.data),
    expectedPurchases: expectedPurchasesAll(fit.predictor, options.horizonMonths * monthLength, fit.data),
    discounted: customerLifetimeValueAll(fit.predictor, fit.data, ones, {
      months: options.horizonMonths,
      monthlyDiscountRate: options.discountMonthly,
      margin: 1,
      monthLength,
    }),
  }
}

/** Loads the keyed predictions into the temporary table `value_keys`, in batches. */
export async function loadKeys(session: Kysely<DB>, stage: FoldedStage, keys: KeyPredictions) {
  await sql`DROP TABLE IF EXISTS value_keys`.execute(session)
  await sql`
    CREATE TEMP TABLE value_keys (
      x integer, recency_days integer, age_days integer,
      p_alive double precision, expected_purchases double precision, discounted double precision
    )`.execute(session)
  const finite = (a: Float64Array) => Array.from(a, (v) => (Number.isFinite(v) ? v : 0))
  for (let i = 0; i < stage.rows; i += BATCH) {
    const end = Math.min(stage.rows, i + BATCH)
    await sql`
      INSERT INTO value_keys
      SELECT * FROM unnest(${Array.from(stage.x.subarray(i, end))}::int[],
        ${Array.from(stage.recencyDays.subarray(i, end))}::int[],
        ${Array.from(stage.ageDays.subarray(i, end))}::int[],
        ${finite(keys.pAlive.subarray(i, end))}::float8[],
        ${finite(keys.expectedPurchases.subarray(i, end))}::float8[],
        ${finite(keys.discounted.subarray(i, end))}::float8[])`.execute(session)
  }
  await sql`ANALYZE value_keys`.execute(session)
}
