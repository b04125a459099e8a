import { type Kysely, sql } from 'kysely'
import type { DB } from '../../../db/database.js'
import { lockForUncheckedBulkWrite } from '../../customers/index.js'
import { countsBelowSql, quintileSql, rfmSegmentSql } from '../reports/rfm-segments.js'
import type { TierRules } from '../tiers/tier-rules.js'
import { tierSql } from '../tiers/tier-sql.js'
import type { StageFit } from './fit-stage.js'

/** Far above any real value, far below numeric(18,2)'s limit: a wild extrapolation cannot fail the write. */
const CAP = 1e15

/**
 * Replaces the workspace's scores with one row per staged customer, set-based:
 * predictions joined from `value_keys`, expected spend from the Gamma-Gamma parameters, CLV,
 * historical and predicted profitability, RFM scores and segment, and the value tier.
 *
 * Expected spend per purchase is the Gamma-Gamma conditional mean p(v + x·m̄)/(px + q − 1)
 * (x·m̄ is the repeat spend); without a spend model it is the customer's own mean repeat spend,
 * or the workspace's mean spend per purchase day for one-time buyers.
 * Predicted margin = CLV × the customer's gross-margin ratio (revenue − cost of goods)/revenue,
 * the workspace's ratio when the customer's revenue is zero: future purchases are assumed to carry
 * the margin of past ones. Predicted net profit also subtracts the customer's cost-to-serve per
 * purchase day times the expected purchases: serving costs are assumed to follow activity.
 */
export async function writeCustomerValues(
  session: Kysely<DB>,
  workspaceId: string,
  runId: string,
  fit: StageFit,
  meanDaySpend: number,
  unitDays: number,
  rules: TierRules,
): Promise<number> {
  const gg = fit.spend?.params
  const f8 = (v: number) => sql`${v}::float8`
  const spend = gg
    ? sql`CASE WHEN ${f8(gg.p)} * s.x + ${f8(gg.q)} - 1 > 0
          THEN ${f8(gg.p)} * (${f8(gg.v)} + s.repeat_spend::float8) / (${f8(gg.p)} * s.x + ${f8(gg.q)} - 1)
          WHEN s.x > 0 THEN s.repeat_spend::float8 / s.x ELSE ${f8(meanDaySpend)} END`
    : sql`CASE WHEN s.x > 0 THEN s.repeat_spend::float8 / s.x ELSE ${f8(meanDaySpend)} END`
  const money = (expr: ReturnType<typeof sql>) =>
    sql`round(greatest(least((${expr})::float8, ${f8(CAP)}), ${f8(-CAP)})::numeric, 2)`

  // Every per-customer value first, into a temporary table (no WAL, no index, no sort). The RFM
  // quintiles come from the counts below each distinct value, so no window sorts every customer
  // with all their columns (at a million customers such sorts outgrow work_mem and go to disk).
  await sql`DROP TABLE IF EXISTS value_scores`.execute(session)
  await sql`
    CREATE TEMP TABLE value_scores AS
    SELECT b.*,
      ${money(sql`b.clv_f * b.margin_ratio`)} AS predicted_margin,
      ${money(sql`b.clv_f * b.margin_ratio - b.cts_per_day * b.expected_purchases`)} AS predicted_net_profit
    FROM (
      SELECT s.customer_id, s.first_day, s.last_day, s.purchase_days, s.x,
        s.recency_days / ${f8(unitDays)} AS recency, s.age_days / ${f8(unitDays)} AS age,
        round(CASE WHEN s.x > 0 THEN s.repeat_spend / s.x ELSE 0 END, 2) AS monetary,
        k.p_alive, k.expected_purchases,
        ${money(sql`e.spend`)} AS expected_spend,
        ${money(sql`e.spend * k.discounted`)} AS clv,
        -- The unrounded CLV for the predicted margins: numeric to float8 goes through text.
        e.spend * k.discounted AS clv_f,
        s.revenue, s.cost_of_goods, s.revenue - s.cost_of_goods AS gross_margin,
        coalesce(c.cost, 0) AS cost_to_serve,
        s.revenue - s.cost_of_goods - coalesce(c.cost, 0) AS net_profit,
        CASE WHEN s.revenue > 0 THEN ((s.revenue - s.cost_of_goods) / s.revenue)::float8
          ELSE w.ratio END AS margin_ratio,
        coalesce(c.cost, 0)::float8 / s.purchase_days AS cts_per_day,
        ${quintileSql(sql.ref('qr.below'), sql.ref('w.n'))} AS r,
        ${quintileSql(sql.ref('qf.below'), sql.ref('w.n'))} AS f,
        ${quintileSql(sql.ref('qm.below'), sql.ref('w.n'))} AS m
      FROM value_stage s
      JOIN value_keys k ON k.x = s.x AND k.recency_days = s.recency_days AND k.age_days = s.age_days
      JOIN (${countsBelowSql('value_stage', 'last_day')}) qr ON qr.v = s.last_day
      JOIN (${countsBelowSql('value_stage', 'x')}) qf ON qf.v = s.x
      JOIN (${countsBelowSql('value_stage', 'revenue')}) qm ON qm.v = s.revenue
      LEFT JOIN (
        SELECT customer_id, sum(amount) AS cost FROM cost_entries
        WHERE workspace_id = ${workspaceId} GROUP BY customer_id
      ) c ON c.customer_id = s.customer_id
      CROSS JOIN (
        SELECT coalesce(((sum(revenue) - sum(cost_of_goods)) / nullif(sum(revenue), 0))::float8, 1) AS ratio,
          count(*)::float8 AS n
        FROM value_stage
      ) w
      CROSS JOIN LATERAL (SELECT ${spend} AS spend) e
    ) b`.execute(session)
  // Temporary tables are never analysed automatically: the insert's joins need the row count
  // (one column: statistics on all of them took a third of a second at 100,000 customers).
  await sql`ANALYZE value_scores (customer_id)`.execute(session)
  const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM value_scores`.execute(session)
  const n = rows[0]?.n ?? 0
  await sql`DELETE FROM customer_values WHERE workspace_id = ${workspaceId}`.execute(session)
  // A row per customer still there: the staged summary may name a customer merged away since.
  // Holding the removal lock, nobody removes one until this transaction ends, so where the role
  // may, the per-row foreign-key checks (7.8 of the insert's 17 s at a million customers) are
  // skipped; the only other trigger on customer_values fires on updates (apply-tiers.test.ts).
  const skipChecks = await lockForUncheckedBulkWrite(session, workspaceId)
  // The tier ranks the customers by the basis: only the sort keys and the id go through the sort.
  const result = await sql`
    INSERT INTO customer_values (workspace_id, customer_id, run_id, first_purchase_on, last_purchase_on,
      purchase_days, frequency, recency, age, monetary, p_alive, expected_purchases, expected_spend, clv,
      revenue, cost_of_goods, gross_margin, cost_to_serve, net_profit, predicted_margin, predicted_net_profit,
      rfm_recency, rfm_frequency, rfm_monetary, rfm_segment, value_tier)
    SELECT ${workspaceId}::uuid, v.customer_id, ${runId}::uuid, v.first_day, v.last_day, v.purchase_days, v.x, v.recency,
      v.age, v.monetary, v.p_alive, v.expected_purchases, v.expected_spend, v.clv, v.revenue, v.cost_of_goods,
      v.gross_margin, v.cost_to_serve, v.net_profit, v.predicted_margin, v.predicted_net_profit,
      v.r, v.f, v.m, ${rfmSegmentSql(sql.ref('v.r'), sql.ref('v.f'))}, t.tier
    FROM value_scores v
    JOIN (SELECT t.customer_id, ${tierSql(rules, 't', sql`${n}::float8`)} AS tier FROM value_scores t) t
      ON t.customer_id = v.customer_id
    WHERE EXISTS (SELECT FROM customers c WHERE c.workspace_id = ${workspaceId} AND c.id = v.customer_id)
    -- In key order: the primary key grows at its right edge and the foreign-key lookups into
    -- customers walk its index in order, instead of one random page per row.
    ORDER BY v.customer_id`.execute(session)
  if (skipChecks) await sql`SET LOCAL session_replication_role = origin`.execute(session)
  await sql`DROP TABLE value_scores`.execute(session)
  return Number(result.numAffectedRows ?? 0)
}
