import { sql } from 'kysely'
import { z } from 'zod'
import type { Executor } from '../../../db/database.js'
import { latestScoringRun } from '../runs/value-runs.js'

const BINS = 20
const POINTS = 500
const Money = z.string().describe('Exact decimal amount in the workspace currency')

export const ValueSummaryView = z.object({
  runId: z.uuid().nullable().describe('The scoring run behind these figures; null before the first'),
  computedAt: z.date().nullable(),
  customers: z.number().int().describe('Scored customers'),
  totals: z.object({
    clv: Money,
    revenue: Money,
    grossMargin: Money,
    costToServe: Money,
    netProfit: Money,
    predictedMargin: Money,
    meanPAlive: z.number().nullable(),
  }),
  clvHistogram: z
    .array(z.object({ from: z.number(), to: z.number().nullable(), customers: z.number().int() }))
    .describe(`${BINS} equal bins up to the 99th percentile; the last one is open-ended (to: null)`),
  rfmGrid: z
    .array(
      z.object({
        recency: z.number().int(),
        frequency: z.number().int(),
        customers: z.number().int(),
        clv: Money,
      }),
    )
    .describe('Counts per (R, F) cell of the 5×5 grid; empty cells left out'),
  segments: z.array(
    z.object({ segment: z.string(), customers: z.number().int(), clv: Money, revenue: Money }),
  ),
  tiers: z
    .array(z.object({ tier: z.string().nullable(), customers: z.number().int(), clv: Money }))
    .describe('Customers per tier as they carry it (hand-set tiers included); null: no tier'),
  profitPoints: z
    .array(
      z.object({
        customerId: z.uuid(),
        grossMargin: z.number(),
        costToServe: z.number(),
        netProfit: z.number(),
        clv: z.number(),
        tier: z.string().nullable(),
      }),
    )
    .describe(`A deterministic sample of up to ${POINTS} customers for the profit vs cost-to-serve chart`),
})
export type ValueSummaryView = z.infer<typeof ValueSummaryView>

/** Distributions of the latest scores for the Value page's charts, each one aggregate query. */
export async function getValueSummary(db: Executor, workspaceId: string): Promise<ValueSummaryView> {
  const run = await latestScoringRun(db, workspaceId)
  const ws = sql`v.workspace_id = ${workspaceId}`
  const { rows: totals } = await sql<{
    n: number
    clv: string
    revenue: string
    gm: string
    cts: string
    np: string
    pm: string
    alive: number | null
    p99: number | null
  }>`
    SELECT count(*)::int AS n, coalesce(sum(clv), 0)::numeric(18, 2)::text AS clv,
      coalesce(sum(revenue), 0)::numeric(18, 2)::text AS revenue,
      coalesce(sum(gross_margin), 0)::numeric(18, 2)::text AS gm,
      coalesce(sum(cost_to_serve), 0)::numeric(18, 2)::text AS cts,
      coalesce(sum(net_profit), 0)::numeric(18, 2)::text AS np,
      coalesce(sum(predicted_margin), 0)::numeric(18, 2)::text AS pm,
      avg(p_alive)::float8 AS alive,
      percentile_cont(0.99) WITHIN GROUP (ORDER BY clv::float8) AS p99
    FROM customer_values v WHERE ${ws}`.execute(db)
  const t = totals[0]!
  const top = t.p99 && t.p99 > 0 ? t.p99 : 1
  const width = top / BINS
  const { rows: bins } = await sql<{ b: number; n: number }>`
    SELECT least(floor(clv::float8 / ${width}::float8), ${BINS - 1}::int)::int AS b, count(*)::int AS n
    FROM customer_values v WHERE ${ws} GROUP BY 1`.execute(db)
  const perBin = new Map(bins.map((b) => [b.b, b.n]))
  const { rows: grid } = await sql<{ recency: number; frequency: number; customers: number; clv: string }>`
    SELECT rfm_recency AS recency, rfm_frequency AS frequency, count(*)::int AS customers,
      sum(clv)::numeric(18, 2)::text AS clv
    FROM customer_values v WHERE ${ws} GROUP BY 1, 2 ORDER BY 1, 2`.execute(db)
  const { rows: segments } = await sql<{ segment: string; customers: number; clv: string; revenue: string }>`
    SELECT rfm_segment AS segment, count(*)::int AS customers, sum(clv)::numeric(18, 2)::text AS clv,
      sum(revenue)::numeric(18, 2)::text AS revenue
    FROM customer_values v WHERE ${ws} GROUP BY 1 ORDER BY 2 DESC, 1`.execute(db)
  const { rows: tiers } = await sql<{ tier: string | null; customers: number; clv: string }>`
    SELECT c.tier, count(*)::int AS customers, sum(v.clv)::numeric(18, 2)::text AS clv
    FROM customer_values v JOIN customers c ON c.workspace_id = v.workspace_id AND c.id = v.customer_id
    WHERE ${ws} GROUP BY 1 ORDER BY 3 DESC`.execute(db)
  // Every k-th customer by a hash of its id: the same sample on every read, spread over the base.
  const every = Math.max(1, Math.floor(t.n / POINTS))
  const { rows: points } = await sql<{
    customerId: string
    grossMargin: number
    costToServe: number
    netProfit: number
    clv: number
    tier: string | null
  }>`
    SELECT v.customer_id AS "customerId", v.gross_margin::float8 AS "grossMargin",
      v.cost_to_serve::float8 AS "costToServe", v.net_profit::float8 AS "netProfit", v.clv::float8 AS clv,
      c.tier
    FROM customer_values v JOIN customers c ON c.workspace_id = v.workspace_id AND c.id = v.customer_id
    WHERE ${ws} AND abs(hashtext(v.customer_id::text)::bigint) % ${every}::int = 0
    ORDER BY v.customer_id LIMIT ${POINTS}`.execute(db)
  return {
    runId: run?.id ?? null,
    computedAt: run?.finished_at ?? null,
    customers: t.n,
    totals: {
      clv: t.clv,
      revenue: t.revenue,
      grossMargin: t.gm,
      costToServe: t.cts,
      netProfit: t.np,
      predictedMargin: t.pm,
      meanPAlive: t.alive,
    },
    clvHistogram: Array.from({ length: BINS }, (_, b) => ({
      from: b * width,
      to: b === BINS - 1 ? null : (b + 1) * width,
      customers: perBin.get(b) ?? 0,
    })),
    rfmGrid: grid,
    segments,
    tiers,
    profitPoints: points,
  }
}
