import { z } from 'zod'
import type { Executor } from '../../db/database.js'
import { newId } from '../../db/ids.js'
import { type Actor, recordAudit } from '../platform/index.js'
import { postCaseMessage, withTransaction } from '../service/index.js'
import { appendLedgerEntry } from './append-ledger-entry.js'
import { ApprovalView, getApprovalView } from './approval-view.js'
import { EmpowermentError } from './empowerment.errors.js'
import { getLedgerEntryView, LedgerEntryView } from './ledger-view.js'
import { loadGrantSubject } from './load-grant-subject.js'
import { lockBudgets } from './lock-budgets.js'
import { AmountInput, fromCents } from './money.js'
import { approvalRoute, resolveAuthority } from './resolve-authority.js'

export const GrantInput = z.object({
  customerId: z.uuid(),
  caseId: z.uuid().nullable().optional(),
  actionTypeId: z.uuid(),
  amount: AmountInput.nullable().optional().describe('Required when the action type has an entered cost'),
  reason: z.string().trim().min(1).max(2000).describe('Why: shown on the case, the ledger and to approvers'),
  requestApproval: z
    .boolean()
    .default(false)
    .describe('Above your authority: ask for approval instead of being refused'),
  expiresInHours: z
    .number()
    .int()
    .min(1)
    .max(720)
    .default(72)
    .describe('How long an approval request stays open'),
})
export type GrantInput = z.input<typeof GrantInput>

export const GrantOutcome = z.object({
  outcome: z.enum(['executed', 'pending_approval']),
  entry: LedgerEntryView.nullable(),
  approval: ApprovalView.nullable(),
})
export type GrantOutcome = z.infer<typeof GrantOutcome>

/**
 * Grants goodwill to a customer (for a case). Within the actor's authority it is executed at once
 * and recorded; above it, it becomes an approval request routed to a manager whose authority
 * covers it (else an admin) when `requestApproval` is set, and is refused (403) otherwise. The
 * budgets of the agent and the customer are locked for the whole check-and-append, so parallel
 * grants never exceed a limit.
 *
 * @example
 * await createGrant(db, actor, { customerId, actionTypeId, amount: '20.00', reason: 'Late delivery' })
 */
export async function createGrant(db: Executor, actor: Actor, input: GrantInput): Promise<GrantOutcome> {
  const g = GrantInput.parse(input)
  return withTransaction(db, async (trx) => {
    const ws = actor.workspaceId
    const loaded = await loadGrantSubject(trx, ws, g)
    await lockBudgets(trx, ws, { agent: actor.userId ?? actor.tokenId, customer: g.customerId })
    const authority = await resolveAuthority(trx, ws, actor, loaded.subject)
    const within = authority.remaining === null || loaded.amount <= authority.remaining
    if (within) {
      const id = await appendLedgerEntry(trx, actor, {
        entryKind: 'grant',
        customerId: g.customerId,
        customerTier: loaded.subject.customer.tier,
        caseId: g.caseId ?? null,
        actionTypeId: loaded.actionType.id,
        actionName: loaded.actionType.name,
        actionKind: loaded.actionType.kind,
        amount: loaded.amount,
        agent: actor,
        teamId: authority.policy.teamId ?? loaded.subject.case?.team_id ?? null,
        policySnapshot: authority.policy,
        reason: g.reason,
      })
      const entry = await getLedgerEntryView(trx, ws, id)
      await recordAudit(trx, actor, {
        action: 'grant.executed',
        entityType: 'grant',
        entityId: id,
        after: entry,
      })
      return { outcome: 'executed' as const, entry, approval: null }
    }
    const remaining = fromCents(authority.remaining ?? 0n)
    if (!g.requestApproval)
      throw new EmpowermentError(
        'ABOVE_AUTHORITY',
        `${fromCents(loaded.amount)} is above your authority for this customer (${remaining} left under ${authority.policy.name}); ask for approval`,
      )
    const id = newId()
    await trx
      .insertInto('grant_approvals')
      .values({
        workspace_id: ws,
        id,
        customer_id: g.customerId,
        case_id: g.caseId ?? null,
        action_type_id: loaded.actionType.id,
        amount: fromCents(loaded.amount),
        reason: g.reason,
        requested_by: actor.userId,
        requested_by_token: actor.tokenId,
        requested_role: actor.role,
        route_to_role: await approvalRoute(trx, ws, loaded.subject, loaded.amount),
        policy_snapshot: JSON.stringify({ ...authority.policy, remainingAtRequest: remaining }),
        expires_at: new Date(Date.now() + g.expiresInHours * 3_600_000),
      })
      .execute()
    const approval = await getApprovalView(trx, ws, id)
    if (approval.caseId)
      await postCaseMessage(trx, actor, approval.caseId, {
        visibility: 'internal',
        body: `Goodwill approval requested from a ${approval.routeToRole}: ${approval.actionName}, ${approval.amount}. ${g.reason}`,
      })
    await recordAudit(trx, actor, {
      action: 'grant.approval_requested',
      entityType: 'grant_approval',
      entityId: id,
      after: approval,
    })
    return { outcome: 'pending_approval' as const, entry: null, approval }
  })
}
