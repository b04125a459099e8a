import { z } from 'zod'
import type { Executor } from '../../db/database.js'

export const ApprovalView = z.object({
  id: z.uuid(),
  customerId: z.uuid(),
  customerName: z.string().nullable(),
  caseId: z.uuid().nullable(),
  actionTypeId: z.uuid(),
  actionName: z.string().nullable(),
  amount: z.string(),
  reason: z.string(),
  requestedBy: z.uuid().nullable(),
  requestedByName: z.string().nullable(),
  requestedRole: z.string(),
  routeToRole: z.enum(['manager', 'admin']).describe('Who may decide: this role or a higher one'),
  status: z.enum(['pending', 'approved', 'denied', 'expired']),
  decidedBy: z.uuid().nullable(),
  decidedByName: z.string().nullable(),
  decidedAt: z.date().nullable(),
  decisionReason: z.string().nullable(),
  ledgerEntryId: z.uuid().nullable(),
  policySnapshot: z.record(z.string(), z.unknown()),
  expiresAt: z.date(),
  createdAt: z.date(),
})
export type ApprovalView = z.infer<typeof ApprovalView>

export function selectApprovals(db: Executor, workspaceId: string) {
  return db
    .selectFrom('grant_approvals as r')
    .leftJoin('customers as c', (j) =>
      j.onRef('c.workspace_id', '=', 'r.workspace_id').onRef('c.id', '=', 'r.customer_id'),
    )
    .leftJoin('grant_action_types as t', (j) =>
      j.onRef('t.workspace_id', '=', 'r.workspace_id').onRef('t.id', '=', 'r.action_type_id'),
    )
    .leftJoin('users as q', (j) =>
      j.onRef('q.workspace_id', '=', 'r.workspace_id').onRef('q.id', '=', 'r.requested_by'),
    )
    .leftJoin('users as d', (j) =>
      j.onRef('d.workspace_id', '=', 'r.workspace_id').onRef('d.id', '=', 'r.decided_by'),
    )
    .selectAll('r')
    .select([
      'c.name as customer_name',
      't.name as action_name',
      'q.name as requested_name',
      'd.name as decided_name',
    ])
    .where('r.workspace_id', '=', workspaceId)
}
type ApprovalRow = Awaited<ReturnType<ReturnType<typeof selectApprovals>['executeTakeFirstOrThrow']>>

export const toApprovalView = (r: ApprovalRow): ApprovalView => ({
  id: r.id,
  customerId: r.customer_id,
  customerName: r.customer_name,
  caseId: r.case_id,
  actionTypeId: r.action_type_id,
  actionName: r.action_name,
  amount: r.amount,
  reason: r.reason,
  requestedBy: r.requested_by,
  requestedByName: r.requested_name,
  requestedRole: r.requested_role,
  routeToRole: r.route_to_role,
  // A request past its expiry is expired whether or not a sweep has written that down yet.
  status: r.status === 'pending' && r.expires_at.getTime() <= Date.now() ? 'expired' : r.status,
  decidedBy: r.decided_by,
  decidedByName: r.decided_name,
  decidedAt: r.decided_at,
  decisionReason: r.decision_reason,
  ledgerEntryId: r.ledger_id,
  policySnapshot: r.policy_snapshot,
  expiresAt: r.expires_at,
  createdAt: r.created_at,
})

export async function getApprovalView(db: Executor, workspaceId: string, id: string) {
  return toApprovalView(
    await selectApprovals(db, workspaceId).where('r.id', '=', id).executeTakeFirstOrThrow(),
  )
}
