import { sql } from 'kysely'
import type { TimelineSource } from '../customers/index.js'
import { grantsOfCustomer } from './ledger-customer.queries.js'

/**
 * Grants and approval requests are rows of their own; the timeline reads them in place. An
 * approved request shows as its request, its decision and the ledger entry it produced.
 */
export const grantTimelineSource: TimelineSource = {
  name: 'empowerment',
  select: (workspaceId, customerId) => sql`
    SELECT g.id::text AS id, g.occurred_at,
      CASE g.entry_kind WHEN 'grant' THEN 'grant.executed' ELSE 'grant.reversed' END AS type,
      CASE g.entry_kind WHEN 'grant' THEN 'Goodwill: ' ELSE 'Goodwill reversed: ' END
        || g.action_name || ', ' || g.amount::text || ' ' || g.currency AS summary,
      jsonb_build_object('amount', g.amount::text, 'currency', g.currency, 'actionName', g.action_name,
        'caseId', g.case_id, 'approvalId', g.approval_id, 'reason', g.reason) AS data
    FROM grant_ledger g
    WHERE g.workspace_id = ${workspaceId} AND ${grantsOfCustomer(workspaceId, customerId, sql.ref('g.granted_customer_id'))}
    UNION ALL
    SELECT r.id::text || ':requested', r.created_at, 'grant.requested',
      'Goodwill approval requested: ' || coalesce(t.name, 'grant') || ', ' || r.amount::text,
      jsonb_build_object('amount', r.amount::text, 'caseId', r.case_id, 'approvalId', r.id, 'reason', r.reason)
    FROM grant_approvals r
    LEFT JOIN grant_action_types t ON t.workspace_id = r.workspace_id AND t.id = r.action_type_id
    WHERE r.workspace_id = ${workspaceId} AND r.customer_id = ${customerId}
    UNION ALL
    SELECT r.id::text || ':decided', r.decided_at, 'grant.' || r.status,
      'Goodwill request ' || r.status || ': ' || coalesce(t.name, 'grant') || ', ' || r.amount::text,
      jsonb_build_object('amount', r.amount::text, 'caseId', r.case_id, 'approvalId', r.id,
        'reason', r.decision_reason)
    FROM grant_approvals r
    LEFT JOIN grant_action_types t ON t.workspace_id = r.workspace_id AND t.id = r.action_type_id
    WHERE r.workspace_id = ${workspaceId} AND r.customer_id = ${customerId} AND r.decided_at IS NOT NULL`,
}
