import { sql } from 'kysely'
import type { Executor } from '../../db/database.js'

/**
 * Recomputes the purchase totals kept on customers (revenue, refunds, orders, first and last
 * purchase) from the purchases themselves, set-based. Pass the customers a write touched, or
 * nothing to recompute the whole workspace (after a bulk import). Refunded lines leave revenue
 * and count in refunds; they stay in the purchase history.
 */
export async function refreshCustomerTotals(
  db: Executor,
  workspaceId: string,
  customerIds?: readonly string[],
): Promise<void> {
  if (customerIds && customerIds.length === 0) return
  const only = customerIds ? sql`AND c.id = ANY(${sql.val(customerIds)}::uuid[])` : sql``
  const onlyPurchases = customerIds ? sql`AND p.customer_id = ANY(${sql.val(customerIds)}::uuid[])` : sql``
  await sql`
    UPDATE customers c SET
      revenue = coalesce(t.revenue, 0),
      refunds = coalesce(t.refunds, 0),
      orders_count = coalesce(t.orders, 0),
      first_purchase_at = t.first_at,
      last_purchase_at = t.last_at,
      updated_at = now()
    FROM customers c0
    LEFT JOIN (
      SELECT p.customer_id,
        sum(p.amount) FILTER (WHERE p.status = 'completed') AS revenue,
        sum(p.amount) FILTER (WHERE p.status = 'refunded') AS refunds,
        count(*) FILTER (WHERE p.status = 'completed')::int AS orders,
        min(p.occurred_at) FILTER (WHERE p.status = 'completed') AS first_at,
        max(p.occurred_at) FILTER (WHERE p.status = 'completed') AS last_at
      FROM purchases p
      WHERE p.workspace_id = ${workspaceId} ${onlyPurchases}
      GROUP BY p.customer_id
    ) t ON t.customer_id = c0.id
    WHERE c.workspace_id = ${workspaceId} ${only}
      AND c0.workspace_id = c.workspace_id AND c0.id = c.id
      AND (c.revenue, c.refunds, c.orders_count, c.first_purchase_at, c.last_purchase_at)
          IS DISTINCT FROM (coalesce(t.revenue, 0), coalesce(t.refunds, 0), coalesce(t.orders, 0), t.first_at, t.last_at)
  `.execute(db)
}
