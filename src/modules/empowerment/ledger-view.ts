import { z } from 'zod'
import type { Executor } from '../../db/database.js'

export const LedgerEntryView = z.object({
  id: z.uuid(),
  entryKind: z.enum(['grant', 'reversal']),
  reversesId: z.uuid().nullable(),
  customerId: z.uuid(),
  customerName: z.string().nullable(),
  caseId: z.uuid().nullable(),
  actionTypeId: z.uuid(),
  actionName: z.string(),
  amount: z.string().describe('Exact decimal; negative for a reversal'),
  currency: z.string(),
  agentUserId: z.uuid().nullable(),
  agentTokenId: z.uuid().nullable(),
  agentName: z.string().nullable(),
  agentRole: z.string(),
  teamId: z.uuid().nullable(),
  approverUserId: z.uuid().nullable(),
  approverName: z.string().nullable(),
  approvalId: z.uuid().nullable(),
  policyId: z.uuid().nullable(),
  policySnapshot: z.record(z.string(), z.unknown()).nullable().describe('The policy in force, as it was'),
  customerTier: z.string().nullable(),
  reason: z.string(),
  occurredAt: z.date(),
})
export type LedgerEntryView = z.infer<typeof LedgerEntryView>

/** Ledger rows with the names people read; every query starts here, scoped by workspace. */
export function selectLedger(db: Executor, workspaceId: string) {
  return db
    .selectFrom('grant_ledger as g')
    .leftJoin('customers as c', (j) =>
      j.onRef('c.workspace_id', '=', 'g.workspace_id').onRef('c.id', '=', 'g.granted_customer_id'),
    )
    .leftJoin('users as a', (j) =>
      j.onRef('a.workspace_id', '=', 'g.workspace_id').onRef('a.id', '=', 'g.agent_user_id'),
    )
    .leftJoin('users as p', (j) =>
      j.onRef('p.workspace_id', '=', 'g.workspace_id').onRef('p.id', '=', 'g.approver_user_id'),
    )
    .selectAll('g')
    .select(['c.name as customer_name', 'a.name as agent_name', 'p.name as approver_name'])
    .where('g.workspace_id', '=', workspaceId)
}
type LedgerRow = Awaited<ReturnType<ReturnType<typeof selectLedger>['executeTakeFirstOrThrow']>>

export const toLedgerView = (r: LedgerRow): LedgerEntryView => ({
  id: r.id,
  entryKind: r.entry_kind,
  reversesId: r.reverses_id,
  customerId: r.granted_customer_id,
  customerName: r.customer_name,
  caseId: r.case_id,
  actionTypeId: r.action_type_id,
  actionName: r.action_name,
  amount: r.amount,
  currency: r.currency,
  agentUserId: r.agent_user_id,
  agentTokenId: r.agent_token_id,
  agentName: r.agent_name,
  agentRole: r.agent_role,
  teamId: r.team_id,
  approverUserId: r.approver_user_id,
  approverName: r.approver_name,
  approvalId: r.approval_id,
  policyId: r.policy_id,
  policySnapshot: r.policy_snapshot,
  customerTier: r.customer_tier,
  reason: r.reason,
  occurredAt: r.occurred_at,
})

export async function getLedgerEntryView(db: Executor, workspaceId: string, id: string) {
  return toLedgerView(await selectLedger(db, workspaceId).where('g.id', '=', id).executeTakeFirstOrThrow())
}
