import { sql } from 'kysely'
import { z } from 'zod'
import type { Executor } from '../../../db/database.js'
import { newId } from '../../../db/ids.js'
import { normalisePhone } from '../../customers/index.js'
import { type Actor, recordAudit } from '../../platform/index.js'
import { recordCaseEvent } from '../cases/case-events.js'
import { lockCase } from '../cases/case-view.js'
import { ServiceError } from '../service.errors.js'
import { businessMinutesBetween } from '../sla/business-time-between.js'
import { withTransaction } from '../with-transaction.js'
import { callbackRules } from './callback-slots.js'
import { type CallbackView, getCallback } from './callback-view.js'

export const BookCallbackInput = z.object({
  slotStart: z.iso
    .datetime({ offset: true })
    .describe('Start of a slot from GET /api/service/callbacks/slots'),
  // Plain (no transform), so the schema stays documentable; normalised below as customers' phones are.
  phone: z
    .string()
    .trim()
    .regex(/^\+?[\d\s()./-]{3,40}$/, 'a phone number: digits, spaces, ( ) . / -, optionally a leading +')
    .optional()
    .describe("Defaults to the customer's first phone number"),
  note: z.string().trim().max(1000).optional(),
})

export type BookCallbackInput = z.input<typeof BookCallbackInput>

/** A year ahead is the furthest a promise can reasonably be made. */
const HORIZON_MS = 366 * 86_400_000

/**
 * Books a callback on a case: the whole window must lie in the team's open hours, and the slot
 * must have room (bookings of a team are serialised by an advisory lock, so two agents cannot
 * both take the last place). The promise is kept by the callback queue; missing it is a breach.
 */
export async function bookCallback(
  db: Executor,
  actor: Actor,
  caseId: string,
  input: BookCallbackInput,
  opts: { now?: Date; bookedBy?: 'agent' | 'customer' } = {},
): Promise<CallbackView> {
  const b = BookCallbackInput.parse(input)
  const now = opts.now ?? new Date()
  const ws = actor.workspaceId
  return withTransaction(db, async (trx) => {
    const c = await lockCase(trx, ws, caseId)
    if (c.status === 'closed' || c.status === 'resolved')
      throw new ServiceError('CASE_CLOSED', `case #${c.number} is ${c.status}: reopen it to book a callback`)
    const customer = c.customer_id
      ? await trx
          .selectFrom('customers')
          .select('phones')
          .where('workspace_id', '=', ws)
          .where('id', '=', c.customer_id)
          .executeTakeFirst()
      : undefined
    const phone = b.phone ? normalisePhone(b.phone) : customer?.phones[0]
    if (!phone)
      throw new ServiceError('CALLBACK_PHONE_REQUIRED', 'the customer has no phone number on file', {
        fields: [{ path: 'body.phone', message: 'required: no phone number on file' }],
      })
    const rules = await callbackRules(trx, ws, c.team_id)
    const start = new Date(b.slotStart)
    const end = new Date(start.getTime() + rules.slotMs)
    const closed = (why: string) =>
      new ServiceError('CALLBACK_SLOT_CLOSED', why, { fields: [{ path: 'body.slotStart', message: why }] })
    if (start < now) throw closed('the slot has begun or passed')
    if (start.getTime() - now.getTime() > HORIZON_MS) throw closed('the slot is more than a year ahead')
    if (businessMinutesBetween(rules.calendar, start, end) * 60_000 < rules.slotMs)
      throw closed('the slot is not wholly inside opening hours')
    await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`callbacks:${ws}:${rules.teamId ?? ''}`}, 0))`.execute(
      trx,
    )
    const taken = await trx
      .selectFrom('case_callbacks')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('workspace_id', '=', ws)
      .where('status', '=', 'scheduled')
      .where('team_id', rules.teamId === null ? 'is' : '=', rules.teamId)
      .where('slot_start', '<', end)
      .where('slot_end', '>', start)
      .executeTakeFirstOrThrow()
    if (Number(taken.n) >= rules.capacity)
      throw new ServiceError('CALLBACK_SLOT_FULL', 'the slot is fully booked: choose another', {
        fields: [{ path: 'body.slotStart', message: 'fully booked' }],
      })
    const id = newId()
    await trx
      .insertInto('case_callbacks')
      .values({
        workspace_id: ws,
        id,
        case_id: c.id,
        customer_id: c.customer_id,
        team_id: rules.teamId,
        assignee_id: c.assignee_id,
        phone,
        slot_start: start,
        slot_end: end,
        booked_by: opts.bookedBy ?? 'agent',
        note: b.note ?? null,
        created_by: actor.userId,
        created_at: now,
      })
      .execute()
    await recordCaseEvent(trx, actor, c, {
      type: 'case.callback_booked',
      summary: `Case #${c.number}: callback promised ${start.toISOString()} – ${end.toISOString()}`,
      data: {
        callbackId: id,
        slotStart: start.toISOString(),
        slotEnd: end.toISOString(),
        bookedBy: opts.bookedBy ?? 'agent',
      },
      at: now,
    })
    const view = await getCallback(trx, ws, id)
    await recordAudit(trx, actor, {
      action: 'callback.booked',
      entityType: 'callback',
      entityId: id,
      after: view,
    })
    return view
  })
}
