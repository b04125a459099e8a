import { type Kysely, sql } from 'kysely'
import type { DB } from '../../../db/database.js'

/**
 * The staged summary folded by the database: one row per distinct (x, recency, age) in days, with
 * the number of customers and their holdout purchases. Memory follows the number of distinct rows
 * (tens to hundreds of thousands), never the number of customers.
 */
export interface FoldedStage {
  x: Int32Array
  recencyDays: Int32Array
  ageDays: Int32Array
  customers: Float64Array
  holdout: Float64Array
  rows: number
  totalCustomers: number
}

/** Repeat buyers folded by (x, repeat spend): what the Gamma-Gamma spend model needs. */
export interface FoldedSpend {
  x: Float64Array
  monetary: Float64Array
  weight: Float64Array
  /** mean spend per purchase day over the calibration: the fallback without a spend model */
  meanDaySpend: number
}

export async function readFoldedStage(session: Kysely<DB>): Promise<FoldedStage> {
  const { rows } = await sql<{ x: number; r: number; a: number; n: number; h: number }>`
    SELECT x, recency_days AS r, age_days AS a, count(*)::int AS n, sum(holdout_x)::int AS h
    FROM value_stage GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`.execute(session)
  const out: FoldedStage = {
    x: new Int32Array(rows.length),
    recencyDays: new Int32Array(rows.length),
    ageDays: new Int32Array(rows.length),
    customers: new Float64Array(rows.length),
    holdout: new Float64Array(rows.length),
    rows: rows.length,
    totalCustomers: 0,
  }
  rows.forEach((row, i) => {
    out.x[i] = row.x
    out.recencyDays[i] = row.r
    out.ageDays[i] = row.a
    out.customers[i] = row.n
    out.holdout[i] = row.h
    out.totalCustomers += row.n
  })
  return out
}

export async function readFoldedSpend(session: Kysely<DB>): Promise<FoldedSpend> {
  const { rows } = await sql<{ x: number; spend: number; n: number }>`
    SELECT x, repeat_spend::float8 AS spend, count(*)::int AS n
    FROM value_stage WHERE x > 0 AND repeat_spend > 0 GROUP BY 1, 2`.execute(session)
  const mean = await sql<{ m: number | null }>`
    SELECT (sum(calibration_spend) / nullif(sum(x + 1), 0))::float8 AS m FROM value_stage`.execute(session)
  return {
    x: Float64Array.from(rows, (r) => r.x),
    monetary: Float64Array.from(rows, (r) => r.spend / r.x),
    weight: Float64Array.from(rows, (r) => r.n),
    meanDaySpend: mean.rows[0]?.m ?? 0,
  }
}
