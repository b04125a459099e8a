import { type Kysely, sql } from 'kysely'
import type { DB } from '../../../db/database.js'
import type { StageFit } from './fit-stage.js'
import type { FoldedStage } from './fold-stage.js'
import type { SummaryWindow } from './stage-summary.js'

const LAST_BUCKET = 7

export interface HoldoutReport {
  calibrationEnd: string
  holdoutEnd: string
  /** holdout length in model units */
  length: number
  /** repeat purchases in the holdout, all customers: observed and predicted */
  actualTotal: number
  predictedTotal: number
  /** mean holdout purchases by calibration frequency (FHL 2005 Fig. 4); the last bucket is "7+" */
  byFrequency: { frequency: number; customers: number; actual: number; predicted: number }[]
  /** cumulative repeat purchases at the end of each period since the first purchase day (Fig. 2) */
  tracking: { origin: string; actual: number[]; predicted: number[] }
}

/**
 * Compares the fitted model with what customers did in the holdout period, from folded data:
 * conditional expectations per distinct (x, t_x, T) row weighted by its customers, and the
 * unconditional tracking curve per distinct first-purchase day.
 */
export async function holdoutReport(
  session: Kysely<DB>,
  workspaceId: string,
  w: SummaryWindow,
  stage: FoldedStage,
  fit: StageFit,
  unitDays: number,
): Promise<HoldoutReport> {
  const { rows: spanRows } = await sql<{ origin: string; span: number; calibration: number }>`
    SELECT min(first_day) AS origin, ${w.holdoutEnd}::date - min(first_day) AS span,
      ${w.holdoutEnd}::date - ${w.calibrationEnd}::date AS calibration
    FROM value_stage`.execute(session)
  const { origin, span, calibration } = spanRows[0]!
  const length = calibration / unitDays
  const buckets = Array.from({ length: LAST_BUCKET + 1 }, (_, k) => ({
    frequency: k,
    customers: 0,
    actual: 0,
    predicted: 0,
  }))
  let actualTotal = 0
  let predictedTotal = 0
  for (let i = 0; i < stage.rows; i++) {
    const n = fit.data.weight[i]!
    const expected =
      n * fit.predictor.expectedPurchases(length, fit.data.x[i]!, fit.data.tx[i]!, fit.data.T[i]!)
    const bucket = buckets[Math.min(stage.x[i]!, LAST_BUCKET)]!
    bucket.customers += n
    bucket.actual += stage.holdout[i]!
    bucket.predicted += expected
    actualTotal += stage.holdout[i]!
    predictedTotal += expected
  }
  for (const b of buckets) {
    if (b.customers === 0) continue
    b.actual /= b.customers
    b.predicted /= b.customers
  }
  const periods = Math.ceil((span + 1) / unitDays)
  const actual = await repeatPurchasesByPeriod(session, workspaceId, w, origin, unitDays, periods)
  const predicted = await trackingPrediction(session, origin, fit, unitDays, periods)
  return {
    calibrationEnd: w.calibrationEnd,
    holdoutEnd: w.holdoutEnd,
    length,
    actualTotal,
    predictedTotal,
    byFrequency: buckets,
    tracking: { origin, actual, predicted },
  }
}

async function repeatPurchasesByPeriod(
  session: Kysely<DB>,
  workspaceId: string,
  w: SummaryWindow,
  origin: string,
  unitDays: number,
  periods: number,
): Promise<number[]> {
  const { rows } = await sql<{ k: number; n: number }>`
    SELECT (d.day - ${origin}::date) / ${unitDays}::int AS k, count(*)::int AS n
    FROM (
      SELECT DISTINCT p.customer_id, (p.occurred_at AT TIME ZONE ${w.timezone})::date AS day
      FROM purchases p WHERE p.workspace_id = ${workspaceId} AND p.status = 'completed'
    ) d
    JOIN value_stage s ON s.customer_id = d.customer_id
    WHERE d.day > s.first_day AND d.day <= ${w.holdoutEnd}::date
    GROUP BY 1`.execute(session)
  const perPeriod = new Float64Array(periods)
  for (const r of rows) perPeriod[r.k] = r.n
  let running = 0
  return Array.from(perPeriod, (n) => (running += n))
}

async function trackingPrediction(
  session: Kysely<DB>,
  origin: string,
  fit: StageFit,
  unitDays: number,
  periods: number,
): Promise<number[]> {
  const { rows } = await sql<{ b: number; n: number }>`
    SELECT first_day - ${origin}::date AS b, count(*)::int AS n FROM value_stage GROUP BY 1`.execute(session)
  return Array.from({ length: periods }, (_, k) => {
    let sum = 0
    for (const { b, n } of rows) {
      const t = k + 1 - b / unitDays
      if (t > 0) sum += n * fit.predictor.unconditionalExpectedPurchases(t)
    }
    return sum
  })
}
