import { sql } from 'kysely'
import type { UnderServedSignal } from '../../value/index.js'

/**
 * Feeds the value engine's service-fit report: customers with a case that missed an SLA target
 * in the last 90 days are candidates for "under-served" when they are valuable.
 */
export const slaBreachesSignal: UnderServedSignal = {
  reason: 'sla_breaches',
  customers: (workspaceId) => sql<{ customer_id: string }>`
    SELECT DISTINCT customer_id FROM cases
    WHERE workspace_id = ${workspaceId} AND customer_id IS NOT NULL
      AND cardinality(sla_breached) > 0 AND opened_at > now() - interval '90 days'`,
}
