import type { Kysely } from 'kysely'
import type { DB } from '../../../db/database.js'
import { systemActor } from '../../platform/index.js'
import { saveCase } from '../case-sla/save-case.js'
import { recordCaseEvent } from '../cases/case-events.js'
import { escalationRecipients } from '../escalation/notify-targets.js'
import { escalate } from '../escalation/sweep-sla.js'

/**
 * Marks callbacks whose promised window has ended without a call as missed: a breach on the case
 * (`callback:<id>`), a timeline event, and an escalation. Across workspaces, each callback in its
 * own transaction, SKIP LOCKED like the SLA sweep.
 */
export async function sweepCallbacks(
  db: Kysely<DB>,
  now: Date,
  opts: { batch?: number } = {},
): Promise<number> {
  const due = await db
    .selectFrom('case_callbacks')
    .select(['workspace_id', 'id'])
    .where('status', '=', 'scheduled')
    .where('slot_end', '<=', now)
    .orderBy('slot_end')
    .limit(opts.batch ?? 500)
    .execute()
  let missed = 0
  for (const d of due) {
    await db.transaction().execute(async (trx) => {
      const cb = await trx
        .selectFrom('case_callbacks')
        .selectAll()
        .where('workspace_id', '=', d.workspace_id)
        .where('id', '=', d.id)
        .where('status', '=', 'scheduled')
        .forUpdate()
        .skipLocked()
        .executeTakeFirst()
      if (!cb) return
      await trx
        .updateTable('case_callbacks')
        .set({ status: 'missed' })
        .where('workspace_id', '=', cb.workspace_id)
        .where('id', '=', cb.id)
        .execute()
      const c = await trx
        .selectFrom('cases')
        .selectAll()
        .where('workspace_id', '=', cb.workspace_id)
        .where('id', '=', cb.case_id)
        .forUpdate()
        .executeTakeFirstOrThrow()
      const key = `callback:${cb.id}`
      const { row } = await saveCase(trx, c, { sla_breached: [...new Set([...c.sla_breached, key])] }, now)
      const notify = [
        ...new Set([
          ...(cb.assignee_id ? [cb.assignee_id] : []),
          ...(await escalationRecipients(trx, cb.workspace_id, c.team_id)),
        ]),
      ]
      await recordCaseEvent(trx, systemActor(cb.workspace_id), row, {
        type: 'case.callback_missed',
        summary: `Case #${c.number}: the callback promised for ${cb.slot_start.toISOString()} was missed`,
        data: {
          callbackId: cb.id,
          slotStart: cb.slot_start.toISOString(),
          slotEnd: cb.slot_end.toISOString(),
          notify,
        },
        at: now,
      })
      if (c.status !== 'closed' && c.status !== 'resolved') await escalate(trx, row, now, [key])
      missed++
    })
  }
  return missed
}
