import { sql } from 'kysely'
import type { TimelineSource } from '../customers/index.js'

/** Purchases are events already: the timeline reads them where they are, nothing is copied. */
export const purchaseTimelineSource: TimelineSource = {
  name: 'purchases',
  select: (workspaceId, customerId) => sql`
    SELECT p.id::text AS id, p.occurred_at,
      CASE p.status WHEN 'refunded' THEN 'purchase.refunded_line' ELSE 'purchase' END AS type,
      concat_ws(' ', 'Bought',
        CASE WHEN p.quantity > 1 THEN p.quantity::text || ' ×' END,
        coalesce(pr.name, pr.sku, p.external_id, 'an item'),
        'for', p.amount::text,
        CASE WHEN p.status = 'refunded' THEN '(refunded)' END) AS summary,
      jsonb_build_object('purchaseId', p.id, 'externalId', p.external_id, 'amount', p.amount::text,
        'cost', p.cost::text, 'quantity', p.quantity, 'productSku', pr.sku, 'channel', p.channel,
        'status', p.status) AS data
    FROM purchases p
    LEFT JOIN products pr ON pr.workspace_id = p.workspace_id AND pr.id = p.product_id
    WHERE p.workspace_id = ${workspaceId} AND p.customer_id = ${customerId}`,
}
