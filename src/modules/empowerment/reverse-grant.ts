import { z } from 'zod'
import type { Executor } from '../../db/database.js'
import { isUuid } from '../../db/ids.js'
import { type Actor, recordAudit } from '../platform/index.js'
import { withTransaction } from '../service/index.js'
import { appendLedgerEntry } from './append-ledger-entry.js'
import { EmpowermentError } from './empowerment.errors.js'
import { getLedgerEntryView, type LedgerEntryView } from './ledger-view.js'
import { lockBudgets } from './lock-budgets.js'
import { toCents } from './money.js'

export const ReverseGrantInput = z.object({
  reason: z.string().trim().min(1).max(2000).describe('Why the grant is corrected'),
})

/**
 * Corrects a grant the only way the ledger allows: a reversal entry of the opposite amount that
 * points at it (once; the unique key refuses a second). The reversal is booked to the original
 * agent and approval, so it gives back the budget the grant used.
 */
export async function reverseGrant(
  db: Executor,
  actor: Actor,
  id: string,
  input: z.input<typeof ReverseGrantInput>,
): Promise<LedgerEntryView> {
  const r = ReverseGrantInput.parse(input)
  return withTransaction(db, async (trx) => {
    const ws = actor.workspaceId
    const row = isUuid(id)
      ? await trx
          .selectFrom('grant_ledger')
          .selectAll()
          .where('workspace_id', '=', ws)
          .where('id', '=', id)
          .executeTakeFirst()
      : undefined
    if (!row) throw new EmpowermentError('LEDGER_ENTRY_NOT_FOUND', `ledger entry ${id} not found`)
    if (row.entry_kind !== 'grant') throw new EmpowermentError('NOT_A_GRANT', 'only a grant can be reversed')
    await lockBudgets(trx, ws, {
      agent: row.agent_user_id ?? row.agent_token_id,
      customer: row.granted_customer_id,
    })
    const done = await trx
      .selectFrom('grant_ledger')
      .select('id')
      .where('workspace_id', '=', ws)
      .where('reverses_id', '=', id)
      .executeTakeFirst()
    if (done) throw new EmpowermentError('ALREADY_REVERSED', `entry ${id} was reversed by ${done.id}`)
    const action = await trx
      .selectFrom('grant_action_types')
      .select('kind')
      .where('workspace_id', '=', ws)
      .where('id', '=', row.action_type_id)
      .executeTakeFirst()
    const newId = await appendLedgerEntry(trx, actor, {
      entryKind: 'reversal',
      reversesId: id,
      customerId: row.granted_customer_id,
      customerTier: row.customer_tier,
      caseId: row.case_id,
      actionTypeId: row.action_type_id,
      actionName: row.action_name,
      actionKind: action?.kind ?? 'custom',
      amount: -toCents(row.amount),
      agent: { userId: row.agent_user_id, tokenId: row.agent_token_id, role: row.agent_role },
      teamId: row.team_id,
      approverUserId: row.approver_user_id,
      approvalId: row.approval_id,
      policySnapshot: row.policy_snapshot,
      reason: r.reason,
    })
    const entry = await getLedgerEntryView(trx, ws, newId)
    await recordAudit(trx, actor, {
      action: 'grant.reversed',
      entityType: 'grant',
      entityId: newId,
      after: entry,
    })
    return entry
  })
}
