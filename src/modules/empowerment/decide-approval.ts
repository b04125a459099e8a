import { sql } from 'kysely'
import { z } from 'zod'
import type { Executor } from '../../db/database.js'
import { isUuid } from '../../db/ids.js'
import { type Actor, recordAudit, roleRank } from '../platform/index.js'
import { postCaseMessage, withTransaction } from '../service/index.js'
import { appendLedgerEntry } from './append-ledger-entry.js'
import { type ApprovalView, getApprovalView } from './approval-view.js'
import { EmpowermentError } from './empowerment.errors.js'
import { loadGrantSubject } from './load-grant-subject.js'
import { lockBudgets } from './lock-budgets.js'
import { fromCents } from './money.js'
import { resolveAuthority } from './resolve-authority.js'

export const DecideApprovalInput = z.object({
  decision: z.enum(['approve', 'deny']),
  reason: z.string().trim().min(1).max(2000).describe('Shown to the agent on the case and in the ledger'),
})
export type DecideApprovalInput = z.input<typeof DecideApprovalInput>

/**
 * Approves or denies a pending request. The decider must hold the role it was routed to (or a
 * higher one), must not be the requester, and — to approve — their own authority must cover the
 * amount for this customer (their monthly budget aside: approving is not spending their own).
 * An approval appends the grant to the ledger with the requester as agent and the decider as
 * approver, under the customer's budget lock.
 */
export async function decideApproval(
  db: Executor,
  actor: Actor,
  id: string,
  input: DecideApprovalInput,
): Promise<ApprovalView> {
  const d = DecideApprovalInput.parse(input)
  return withTransaction(db, async (trx) => {
    const ws = actor.workspaceId
    if (!isUuid(id)) throw new EmpowermentError('APPROVAL_NOT_FOUND', `approval ${id} not found`)
    const { rows } = await sql<{ id: string; requested_by_token: string | null }>`
      SELECT id, requested_by_token FROM grant_approvals WHERE workspace_id = ${ws} AND id = ${id}::uuid FOR UPDATE`.execute(
      trx,
    )
    if (!rows[0]) throw new EmpowermentError('APPROVAL_NOT_FOUND', `approval ${id} not found`)
    const before = await getApprovalView(trx, ws, id)
    if (before.status === 'expired')
      throw new EmpowermentError(
        'APPROVAL_EXPIRED',
        `the request expired at ${before.expiresAt.toISOString()}`,
      )
    if (before.status !== 'pending')
      throw new EmpowermentError('APPROVAL_DECIDED', `the request is ${before.status}`)
    if (roleRank(actor.role) < roleRank(before.routeToRole))
      throw new EmpowermentError('APPROVER_AUTHORITY_TOO_LOW', `this request needs a ${before.routeToRole}`)
    if (actor.userId && actor.userId === before.requestedBy)
      throw new EmpowermentError('APPROVER_AUTHORITY_TOO_LOW', 'nobody approves their own request')
    let ledgerId: string | null = null
    if (d.decision === 'approve') {
      await lockBudgets(trx, ws, { customer: before.customerId })
      const loaded = await loadGrantSubject(trx, ws, { ...before, amount: before.amount })
      const authority = await resolveAuthority(trx, ws, actor, loaded.subject, { countAgentMonth: false })
      if (authority.remaining !== null && loaded.amount > authority.remaining)
        throw new EmpowermentError(
          'APPROVER_AUTHORITY_TOO_LOW',
          `${before.amount} is above your own authority for this customer (${fromCents(authority.remaining)} left); an admin must decide`,
        )
      ledgerId = await appendLedgerEntry(trx, actor, {
        entryKind: 'grant',
        customerId: before.customerId,
        customerTier: loaded.subject.customer.tier,
        caseId: before.caseId,
        actionTypeId: loaded.actionType.id,
        actionName: loaded.actionType.name,
        actionKind: loaded.actionType.kind,
        amount: loaded.amount,
        agent: {
          userId: before.requestedBy,
          tokenId: rows[0].requested_by_token,
          role: before.requestedRole as Actor['role'],
        },
        teamId: loaded.subject.case?.team_id ?? null,
        approverUserId: actor.userId,
        approvalId: id,
        policySnapshot: { requestedUnder: before.policySnapshot, approvedUnder: authority.policy },
        reason: `${before.reason} (approved: ${d.reason})`,
      })
    }
    await trx
      .updateTable('grant_approvals')
      .set({
        status: d.decision === 'approve' ? 'approved' : 'denied',
        decided_by: actor.userId,
        decided_at: new Date(),
        decision_reason: d.reason,
        ledger_id: ledgerId,
      })
      .where('workspace_id', '=', ws)
      .where('id', '=', id)
      .execute()
    const after = await getApprovalView(trx, ws, id)
    if (d.decision === 'deny' && after.caseId)
      await postCaseMessage(trx, actor, after.caseId, {
        visibility: 'internal',
        body: `Goodwill request denied: ${after.actionName}, ${after.amount}. ${d.reason}`,
      })
    await recordAudit(trx, actor, {
      action: d.decision === 'approve' ? 'grant.approved' : 'grant.denied',
      entityType: 'grant_approval',
      entityId: id,
      before,
      after,
    })
    return after
  })
}
