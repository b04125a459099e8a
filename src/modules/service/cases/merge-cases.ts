import { z } from 'zod'
import type { Executor } from '../../../db/database.js'
import { type Actor, recordAudit } from '../../platform/index.js'
import { saveCase } from '../case-sla/save-case.js'
import { ServiceError } from '../service.errors.js'
import { withTransaction } from '../with-transaction.js'
import { recordCaseEvent } from './case-events.js'
import { type CaseView, getCase, lockCase } from './case-view.js'

export const MergeCasesInput = z.object({
  duplicateId: z
    .uuid()
    .describe('The duplicate; it is closed and its conversation moves to the case in the path'),
})

/**
 * Merges a duplicate into the surviving case: the duplicate's messages and scheduled callbacks
 * move over, tags join, and the duplicate is closed with a pointer to the survivor (its history
 * stays with it). Both cases are locked in id order, so two merges of the same pair cannot
 * deadlock; the second finds the duplicate already merged (409).
 */
export async function mergeCases(
  db: Executor,
  actor: Actor,
  survivorId: string,
  input: z.input<typeof MergeCasesInput>,
  opts: { now?: Date } = {},
): Promise<CaseView> {
  const { duplicateId } = MergeCasesInput.parse(input)
  const now = opts.now ?? new Date()
  const ws = actor.workspaceId
  return withTransaction(db, async (trx) => {
    await getCase(trx, ws, survivorId)
    if (duplicateId === survivorId)
      throw new ServiceError('INVALID_INPUT', 'a case cannot be merged into itself', {
        fields: [{ path: 'body.duplicateId', message: 'must differ from the case in the path' }],
      })
    const [first, second] = [survivorId, duplicateId].sort()
    const locked = [await lockCase(trx, ws, first!), await lockCase(trx, ws, second!)]
    const survivor = locked.find((c) => c.id === survivorId)!
    const dup = locked.find((c) => c.id === duplicateId)!
    if (dup.merged_into_id || survivor.merged_into_id)
      throw new ServiceError('CASE_MERGE_NOT_ALLOWED', 'one of the cases is already merged into another')
    if (survivor.status === 'closed')
      throw new ServiceError(
        'CASE_MERGE_NOT_ALLOWED',
        `case #${survivor.number} is closed: reopen it to merge into it`,
      )
    if (survivor.customer_id !== dup.customer_id || survivor.department !== dup.department)
      throw new ServiceError(
        'CASE_MERGE_DIFFERENT_REQUESTER',
        'only cases of the same requester can be merged',
        {
          fields: [{ path: 'body.duplicateId', message: 'another customer or department' }],
        },
      )
    const before = await getCase(trx, ws, survivor.id)
    const moved = await trx
      .updateTable('case_messages')
      .set({ case_id: survivor.id })
      .where('workspace_id', '=', ws)
      .where('case_id', '=', dup.id)
      .executeTakeFirst()
    await trx
      .updateTable('case_callbacks')
      .set({ case_id: survivor.id })
      .where('workspace_id', '=', ws)
      .where('case_id', '=', dup.id)
      .where('status', '=', 'scheduled')
      .execute()
    await saveCase(trx, survivor, { tags: [...new Set([...survivor.tags, ...dup.tags])] }, now)
    await saveCase(trx, dup, { status: 'closed', closed_at: now, merged_into_id: survivor.id }, now)
    const messages = Number(moved.numUpdatedRows)
    await recordCaseEvent(trx, actor, survivor, {
      type: 'case.merged',
      summary: `Case #${dup.number} merged into case #${survivor.number}`,
      data: { duplicateId: dup.id, duplicateNumber: dup.number, messagesMoved: messages },
      at: now,
    })
    await recordCaseEvent(trx, actor, dup, {
      type: 'case.merged_into',
      summary: `Case #${dup.number} closed as a duplicate of case #${survivor.number}`,
      data: { survivorId: survivor.id, survivorNumber: survivor.number },
      at: now,
    })
    const after = await getCase(trx, ws, survivor.id)
    await recordAudit(trx, actor, {
      action: 'case.merged',
      entityType: 'case',
      entityId: survivor.id,
      before,
      after,
    })
    return after
  })
}
