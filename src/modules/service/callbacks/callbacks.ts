import { sql } from 'kysely'
import { z } from 'zod'
import type { Executor } from '../../../db/database.js'
import { decodeCursor, type Page, PageQuery, toPage } from '../../../shared/pagination.js'
import { type Actor, recordAudit } from '../../platform/index.js'
import { answerChanges } from '../case-sla/clock-stops.js'
import { saveCase } from '../case-sla/save-case.js'
import { loadSlaContext } from '../case-sla/sla-context.js'
import { recordCaseEvent } from '../cases/case-events.js'
import { lockCase } from '../cases/case-view.js'
import { ServiceError } from '../service.errors.js'
import { withTransaction } from '../with-transaction.js'
import {
  CALLBACK_STATUSES,
  type CallbackView,
  getCallback,
  selectCallbacks,
  toCallbackView,
} from './callback-view.js'

export const CallbackQueueQuery = z.object({
  ...PageQuery.shape,
  status: z.enum(CALLBACK_STATUSES).default('scheduled'),
  team: z.uuid().optional(),
  assignee: z.union([z.uuid(), z.literal('none')]).optional(),
})
export type CallbackQueueQuery = z.infer<typeof CallbackQueueQuery>

/** The callback queue: promises in the order they fall due. */
export async function listCallbacks(
  db: Executor,
  workspaceId: string,
  q: CallbackQueueQuery,
): Promise<Page<CallbackView>> {
  let qb = selectCallbacks(db, workspaceId)
    .select(sql<string>`b.slot_start::text`.as('start_key'))
    .where('b.status', '=', q.status)
  if (q.team) qb = qb.where('b.team_id', '=', q.team)
  if (q.assignee === 'none') qb = qb.where('b.assignee_id', 'is', null)
  else if (q.assignee) qb = qb.where('b.assignee_id', '=', q.assignee)
  if (q.cursor) {
    const [start, id] = decodeCursor(q.cursor, 2)
    qb = qb.where(sql<boolean>`(b.slot_start, b.id) > (CAST(${start} AS timestamptz), CAST(${id} AS uuid))`)
  }
  const rows = await qb
    .orderBy('b.slot_start')
    .orderBy('b.id')
    .limit(q.limit + 1)
    .execute()
  return toPage(rows, q.limit, (r) => [r.start_key, r.id], toCallbackView)
}

async function lockCallback(trx: Executor, workspaceId: string, id: string) {
  const view = await getCallback(trx, workspaceId, id)
  return trx
    .selectFrom('case_callbacks')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', view.id)
    .forUpdate()
    .executeTakeFirstOrThrow()
}

export const CompleteCallbackInput = z.object({ outcome: z.string().trim().min(1).max(2000) })

/**
 * Records that the call was made. The call answers the customer (first or next response); a call
 * after the promised window is a missed promise (a breach), whether or not the sweep saw it first.
 */
export async function completeCallback(
  db: Executor,
  actor: Actor,
  id: string,
  input: z.input<typeof CompleteCallbackInput>,
  opts: { now?: Date } = {},
): Promise<CallbackView> {
  const { outcome } = CompleteCallbackInput.parse(input)
  const now = opts.now ?? new Date()
  const ws = actor.workspaceId
  return withTransaction(db, async (trx) => {
    const cb = await lockCallback(trx, ws, id)
    if (cb.status !== 'scheduled' && cb.status !== 'missed')
      throw new ServiceError('CALLBACK_NOT_SCHEDULED', `the callback is ${cb.status}`)
    const c = await lockCase(trx, ws, cb.case_id)
    await trx
      .updateTable('case_callbacks')
      .set({ status: 'completed', outcome, completed_at: now })
      .where('workspace_id', '=', ws)
      .where('id', '=', cb.id)
      .execute()
    const key = `callback:${cb.id}`
    const late = now > cb.slot_end
    const ctx = await loadSlaContext(trx, ws, c)
    const { row } = await saveCase(
      trx,
      c,
      {
        ...(c.status === 'closed' ? {} : answerChanges(c, now, ctx)),
        ...(late && !c.sla_breached.includes(key) ? { sla_breached: [...c.sla_breached, key] } : {}),
      },
      now,
      { ctx },
    )
    await recordCaseEvent(trx, actor, row, {
      type: 'case.callback_completed',
      summary: `Case #${c.number}: called back${late ? ' (after the promised time)' : ''}: ${outcome.slice(0, 140)}`,
      data: { callbackId: cb.id, late, outcome },
      at: now,
    })
    const view = await getCallback(trx, ws, cb.id)
    await recordAudit(trx, actor, {
      action: 'callback.completed',
      entityType: 'callback',
      entityId: cb.id,
      after: view,
    })
    return view
  })
}

export async function cancelCallback(
  db: Executor,
  actor: Actor,
  id: string,
  input: { reason?: string | undefined },
  opts: { now?: Date } = {},
): Promise<CallbackView> {
  const now = opts.now ?? new Date()
  const ws = actor.workspaceId
  return withTransaction(db, async (trx) => {
    const cb = await lockCallback(trx, ws, id)
    if (cb.status !== 'scheduled')
      throw new ServiceError('CALLBACK_NOT_SCHEDULED', `the callback is ${cb.status}`)
    await trx
      .updateTable('case_callbacks')
      .set({ status: 'cancelled', outcome: input.reason ?? null })
      .where('workspace_id', '=', ws)
      .where('id', '=', cb.id)
      .execute()
    await recordCaseEvent(
      trx,
      actor,
      { id: cb.case_id, customer_id: cb.customer_id },
      {
        type: 'case.callback_cancelled',
        summary: `Callback of ${cb.slot_start.toISOString()} cancelled${input.reason ? `: ${input.reason}` : ''}`,
        data: { callbackId: cb.id, reason: input.reason ?? null },
        at: now,
      },
    )
    const view = await getCallback(trx, ws, cb.id)
    await recordAudit(trx, actor, {
      action: 'callback.cancelled',
      entityType: 'callback',
      entityId: cb.id,
      after: view,
    })
    return view
  })
}
