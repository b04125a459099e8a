import { sql } from 'kysely'
import { z } from 'zod'
import type { Executor } from '../../../db/database.js'
import { isUuid } from '../../../db/ids.js'
import { ValueError } from '../value.errors.js'

const Money = z.string().describe('Exact decimal amount in the workspace currency')

export const ValueCardView = z.object({
  customerId: z.uuid(),
  scored: z.boolean().describe('False until a scoring run has covered this customer'),
  runId: z.uuid().nullable().describe('The scoring run the predictions come from'),
  computedAt: z.date().nullable(),
  horizonMonths: z.number().int().nullable(),
  tier: z.string().nullable().describe('The tier the customer carries (by hand or by the value engine)'),
  tierSource: z.enum(['manual', 'value']).nullable(),
  valueTier: z.string().nullable().describe("The value engine's tier, even where a hand-set tier wins"),
  clv: Money.nullable().describe('Discounted expected spend over the horizon'),
  pAlive: z.number().nullable(),
  expectedPurchases: z.number().nullable().describe('Expected purchase days over the horizon'),
  expectedSpend: Money.nullable().describe('Expected spend per purchase day'),
  predictedMargin: Money.nullable(),
  predictedNetProfit: Money.nullable(),
  revenue: Money,
  costOfGoods: Money,
  grossMargin: Money,
  costToServe: Money,
  netProfit: Money,
  rfm: z
    .object({
      recency: z.number().int(),
      frequency: z.number().int(),
      monetary: z.number().int(),
      segment: z.string(),
    })
    .nullable(),
  purchaseDays: z.number().int().nullable(),
  firstPurchaseOn: z.string().nullable(),
  lastPurchaseOn: z.string().nullable(),
})
export type ValueCardView = z.infer<typeof ValueCardView>

interface CardRow {
  id: string
  tier: string | null
  tier_source: 'manual' | 'value' | null
  revenue: string
  cost_of_goods: string
  cost_to_serve: string
  gross_margin: string
  net_profit: string
  run_id: string | null
  computed_at: Date | null
  horizon: number | null
  value_tier: string | null
  clv: string | null
  p_alive: number | null
  expected_purchases: number | null
  expected_spend: string | null
  predicted_margin: string | null
  predicted_net_profit: string | null
  rfm_recency: number | null
  rfm_frequency: number | null
  rfm_monetary: number | null
  rfm_segment: string | null
  purchase_days: number | null
  first_purchase_on: string | null
  last_purchase_on: string | null
}

/**
 * A customer's value card. Historical figures (revenue, cost of goods, cost-to-serve, margins)
 * are read live, so a cost posted a minute ago shows; predictions, RFM and the value tier are
 * those of the latest scoring run.
 */
export async function getValueCard(
  db: Executor,
  workspaceId: string,
  customerId: string,
): Promise<ValueCardView> {
  const { rows } = isUuid(customerId)
    ? await sql<CardRow>`
      SELECT h.*, (h.revenue - h.cost_of_goods)::numeric(18, 2) AS gross_margin,
        (h.revenue - h.cost_of_goods - h.cost_to_serve)::numeric(18, 2) AS net_profit,
        v.run_id, v.computed_at, (r.options->>'horizonMonths')::int AS horizon, v.value_tier, v.clv,
        v.p_alive, v.expected_purchases, v.expected_spend, v.predicted_margin, v.predicted_net_profit,
        v.rfm_recency, v.rfm_frequency, v.rfm_monetary, v.rfm_segment, v.purchase_days,
        v.first_purchase_on, v.last_purchase_on
      FROM (
        SELECT c.workspace_id, c.id, c.tier, c.tier_source,
          coalesce((SELECT sum(p.amount) FROM purchases p
            WHERE p.workspace_id = c.workspace_id AND p.customer_id = c.id AND p.status = 'completed'), 0)::numeric(18, 2) AS revenue,
          coalesce((SELECT sum(coalesce(p.cost, pr.unit_cost * p.quantity, 0)) FROM purchases p
            LEFT JOIN products pr ON pr.workspace_id = p.workspace_id AND pr.id = p.product_id
            WHERE p.workspace_id = c.workspace_id AND p.customer_id = c.id AND p.status = 'completed'), 0)::numeric(18, 2) AS cost_of_goods,
          coalesce((SELECT sum(e.amount) FROM cost_entries e
            WHERE e.workspace_id = c.workspace_id AND e.customer_id = c.id), 0)::numeric(18, 2) AS cost_to_serve
        FROM customers c WHERE c.workspace_id = ${workspaceId} AND c.id = ${customerId}
      ) h
      LEFT JOIN customer_values v ON v.workspace_id = h.workspace_id AND v.customer_id = h.id
      LEFT JOIN value_runs r ON r.workspace_id = v.workspace_id AND r.id = v.run_id`.execute(db)
    : { rows: [] }
  const r = rows[0]
  if (!r) throw new ValueError('CUSTOMER_NOT_FOUND', `customer ${customerId} not found`)
  return {
    customerId: r.id,
    scored: r.run_id !== null,
    runId: r.run_id,
    computedAt: r.computed_at,
    horizonMonths: r.horizon,
    tier: r.tier,
    tierSource: r.tier_source,
    valueTier: r.value_tier,
    clv: r.clv,
    pAlive: r.p_alive,
    expectedPurchases: r.expected_purchases,
    expectedSpend: r.expected_spend,
    predictedMargin: r.predicted_margin,
    predictedNetProfit: r.predicted_net_profit,
    revenue: r.revenue,
    costOfGoods: r.cost_of_goods,
    grossMargin: r.gross_margin,
    costToServe: r.cost_to_serve,
    netProfit: r.net_profit,
    rfm:
      r.rfm_segment === null
        ? null
        : {
            recency: r.rfm_recency!,
            frequency: r.rfm_frequency!,
            monetary: r.rfm_monetary!,
            segment: r.rfm_segment,
          },
    purchaseDays: r.purchase_days,
    firstPurchaseOn: r.first_purchase_on,
    lastPurchaseOn: r.last_purchase_on,
  }
}
