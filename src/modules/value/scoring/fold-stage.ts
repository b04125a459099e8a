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

/**
 * Each column comes back as one array in a single row: hundreds of thousands of row objects (and
 * a string per field on the way) took about 90 MB at a million customers, and the peak memory of
 * a run then grew with the workspace.
 */
export async function readFoldedStage(session: Kysely<DB>): Promise<FoldedStage> {
  const { rows } = await sql<{ x: number[]; r: number[]; a: number[]; n: number[]; h: number[] }>`
    SELECT coalesce(array_agg(x), '{}') AS x, coalesce(array_agg(r), '{}') AS r,
      coalesce(array_agg(a), '{}') AS a, coalesce(array_agg(n), '{}') AS n, coalesce(array_agg(h), '{}') AS h
    FROM (
      SELECT x, recency_days AS r, age_days AS a, count(*)::int AS n, sum(holdout_x)::int AS h
      FROM value_stage GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    ) folded`.execute(session)
  const row = rows[0]!
  const customers = Float64Array.from(row.n)
  return {
    x: Int32Array.from(row.x),
    recencyDays: Int32Array.from(row.r),
    ageDays: Int32Array.from(row.a),
    customers,
    holdout: Float64Array.from(row.h),
    rows: customers.length,
    totalCustomers: customers.reduce((sum, n) => sum + n, 0),
  }
}

export async function readFoldedSpend(session: Kysely<DB>): Promise<FoldedSpend> {
  const { rows } = await sql<{ x: number[]; spend: number[]; n: number[]; mean: number | null }>`
    SELECT coalesce(array_agg(x), '{}') AS x, coalesce(array_agg(spend), '{}') AS spend,
      coalesce(array_agg(n), '{}') AS n,
      (SELECT (sum(calibration_spend) / nullif(sum(x + 1), 0))::float8 FROM value_stage) AS mean
    FROM (
      SELECT x, repeat_spend::float8 AS spend, count(*)::int AS n
      FROM value_stage WHERE x > 0 AND repeat_spend > 0 GROUP BY 1, 2
    ) folded`.execute(session)
  const row = rows[0]!
  const x = Float64Array.from(row.x)
  return {
    x,
    monetary: Float64Array.from(row.spend, (spend, i) => spend / x[i]!),
    weight: Float64Array.from(row.n),
    meanDaySpend: row.mean ?? 0,
  }
}
