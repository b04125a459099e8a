import { z } from 'zod'
import type { Executor } from '../../../db/database.js'
import { type Actor, recordAudit } from '../../platform/index.js'
import { endPause, reopenChanges, resolveChanges } from '../case-sla/clock-stops.js'
import { type CaseChanges, type CaseRow, saveCase } from '../case-sla/save-case.js'
import { loadSlaContext } from '../case-sla/sla-context.js'
import { getServiceSettings } from '../config/service-settings.js'
import { assertPlaybookComplete } from '../playbooks/playbook-gate.js'
import { ServiceError } from '../service.errors.js'
import { withTransaction } from '../with-transaction.js'
import { type CaseStatus, CaseStatus as CaseStatusSchema } from './case.constants.js'
import { recordCaseEvent } from './case-events.js'
import { runCaseResolvedHooks } from './case-resolved-hooks.js'
import { assertTransition } from './case-status-machine.js'
import { type CaseView, getCase, lockCase } from './case-view.js'
import { recordCaseCost } from './record-case-cost.js'

export const ChangeCaseStatusInput = z.object({
  status: CaseStatusSchema.describe('open from resolved or closed reopens the case'),
  reason: z.string().trim().min(1).max(1000).optional(),
})
export type ChangeCaseStatusInput = z.input<typeof ChangeCaseStatusInput>

const words = (s: string) => s.replaceAll('_', ' ')

/**
 * Moves a locked case to `to` within the caller's transaction: checks the machine, pauses the
 * clocks while waiting on the customer, records answers and attainment on resolution (after the
 * playbook gate), books the handled-case cost, and treats open-after-resolved as a reopen.
 */
export async function transitionCase(
  trx: Executor,
  actor: Actor,
  c: CaseRow,
  to: CaseStatus,
  now: Date,
  reason?: string,
): Promise<CaseRow> {
  if (c.merged_into_id)
    throw new ServiceError('CASE_CLOSED', `case #${c.number} was merged into another case; work on that one`)
  assertTransition(c.status, to, c.number)
  const ctx = await loadSlaContext(trx, c.workspace_id, c)
  const reopen = to === 'open' && (c.status === 'resolved' || c.status === 'closed')
  let changes: CaseChanges = { status: to }
  if (to === 'resolved') {
    await assertPlaybookComplete(trx, c.workspace_id, c)
    changes = { ...changes, ...resolveChanges(c, now, ctx) }
  } else if (reopen) changes = { ...changes, ...reopenChanges(c, now) }
  else if (to === 'closed') changes.closed_at = now
  else if (c.status === 'waiting_on_customer') changes = { ...changes, ...endPause(c, now) }
  if (to === 'waiting_on_customer') changes.sla_paused_since = now
  const { row } = await saveCase(trx, c, changes, now, { ctx })
  if (to === 'resolved') await recordCaseCost(trx, row, await getServiceSettings(trx, c.workspace_id), now)
  const type = reopen
    ? 'case.reopened'
    : to === 'resolved'
      ? 'case.resolved'
      : to === 'closed'
        ? 'case.closed'
        : 'case.status_changed'
  const verb = reopen ? 'reopened' : `${words(c.status)} → ${words(to)}`
  await recordCaseEvent(trx, actor, row, {
    type,
    summary: `Case #${c.number} ${verb}${reason ? `: ${reason}` : ''}`,
    data: {
      from: c.status,
      to,
      reason: reason ?? null,
      ...(to === 'resolved'
        ? { firstResponseMet: row.first_response_met, resolutionMet: row.resolution_met }
        : {}),
    },
    at: now,
  })
  if (to === 'resolved') await runCaseResolvedHooks(trx, row, now)
  return row
}

export async function changeCaseStatus(
  db: Executor,
  actor: Actor,
  id: string,
  input: ChangeCaseStatusInput,
  opts: { now?: Date } = {},
): Promise<CaseView> {
  const s = ChangeCaseStatusInput.parse(input)
  return withTransaction(db, async (trx) => {
    const c = await lockCase(trx, actor.workspaceId, id)
    const before = await getCase(trx, actor.workspaceId, c.id)
    await transitionCase(trx, actor, c, s.status, opts.now ?? new Date(), s.reason)
    const after = await getCase(trx, actor.workspaceId, c.id)
    await recordAudit(trx, actor, {
      action: 'case.status_changed',
      entityType: 'case',
      entityId: c.id,
      before,
      after,
    })
    return after
  })
}
