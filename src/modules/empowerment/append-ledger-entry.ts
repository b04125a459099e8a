import type { Executor, Role } from '../../db/database.js'
import { newId } from '../../db/ids.js'
import type { Actor } from '../platform/index.js'
import { postCaseMessage } from '../service/index.js'
import { recordCostEntries } from '../value/index.js'
import { fromCents } from './money.js'

export interface NewLedgerEntry {
  entryKind: 'grant' | 'reversal'
  reversesId?: string | null
  customerId: string
  customerTier: string | null
  caseId: string | null
  actionTypeId: string
  actionName: string
  actionKind: string
  amount: bigint
  agent: { userId: string | null; tokenId: string | null; role: Role }
  teamId: string | null
  approverUserId?: string | null
  approvalId?: string | null
  policySnapshot: object | null
  reason: string
}

/**
 * Appends one ledger entry in the caller's transaction and lets the rest of the product know:
 * the value engine's cost-to-serve ledger (source `empowerment`, reference = the entry id) and,
 * when the grant belongs to a case, an internal note on that case. The customer timeline reads
 * the ledger in place (see grant-timeline-source.ts).
 */
export async function appendLedgerEntry(db: Executor, actor: Actor, e: NewLedgerEntry): Promise<string> {
  const id = newId()
  const ws = await db
    .selectFrom('workspaces')
    .select('currency')
    .where('id', '=', actor.workspaceId)
    .executeTakeFirstOrThrow()
  const now = new Date()
  await db
    .insertInto('grant_ledger')
    .values({
      workspace_id: actor.workspaceId,
      id,
      entry_kind: e.entryKind,
      reverses_id: e.reversesId ?? null,
      granted_customer_id: e.customerId,
      case_id: e.caseId,
      action_type_id: e.actionTypeId,
      action_name: e.actionName,
      amount: fromCents(e.amount),
      currency: ws.currency,
      agent_user_id: e.agent.userId,
      agent_token_id: e.agent.tokenId,
      agent_role: e.agent.role,
      team_id: e.teamId,
      approver_user_id: e.approverUserId ?? null,
      approval_id: e.approvalId ?? null,
      recorded_by: actor.userId,
      recorded_by_token: actor.tokenId,
      policy_id: (e.policySnapshot as { policyId?: string } | null)?.policyId ?? null,
      policy_snapshot: JSON.stringify(e.policySnapshot),
      customer_tier: e.customerTier,
      reason: e.reason,
      occurred_at: now,
    })
    .execute()
  await recordCostEntries(
    db,
    actor.workspaceId,
    'empowerment',
    [
      {
        customerId: e.customerId,
        kind: `goodwill.${e.actionKind}`,
        amount: fromCents(e.amount),
        occurredAt: now,
        reference: id,
      },
    ],
    actor.userId,
  )
  if (e.caseId) {
    const what = e.entryKind === 'grant' ? 'Goodwill granted' : 'Goodwill reversed'
    await postCaseMessage(db, actor, e.caseId, {
      visibility: 'internal',
      body: `${what}: ${e.actionName}, ${fromCents(e.amount)} ${ws.currency}. ${e.reason}`,
    })
  }
  return id
}
