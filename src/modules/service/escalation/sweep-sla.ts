import type { Kysely } from 'kysely'
import type { DB } from '../../../db/database.js'
import { systemActor } from '../../platform/index.js'
import type { ClockAlert } from '../case-sla/evaluate-case-sla.js'
import { type CaseRow, saveCase } from '../case-sla/save-case.js'
import { loadSlaContext } from '../case-sla/sla-context.js'
import { bumpPriority } from '../cases/case.constants.js'
import { recordCaseEvent } from '../cases/case-events.js'
import { escalationRecipients } from './notify-targets.js'

const CLOCK_NAMES: Record<ClockAlert['clock'], string> = {
  first_response: 'first response',
  next_response: 'next response',
  resolution: 'resolution',
}

export interface SweepResult {
  checked: number
  warnings: number
  breaches: number
  escalations: number
}

/**
 * Raises the SLA warnings and breaches that fell due by `now`, across all workspaces: the cases
 * whose sla_check_at has passed, a batch at a time, each in its own transaction with the row
 * locked (SKIP LOCKED: another server sweeping at the same time takes other cases). A breach
 * escalates the case once per sweep: priority one step up (urgent stays urgent), escalation level
 * + 1, and the team manager (or the workspace managers) notified on the case history.
 */
export async function sweepSla(
  db: Kysely<DB>,
  now: Date,
  opts: { batch?: number; maxBatches?: number } = {},
): Promise<SweepResult> {
  const result: SweepResult = { checked: 0, warnings: 0, breaches: 0, escalations: 0 }
  const batch = opts.batch ?? 200
  for (let round = 0; round < (opts.maxBatches ?? 25); round++) {
    const due = await db
      .selectFrom('cases')
      .select(['workspace_id', 'id'])
      .where('sla_check_at', '<=', now)
      .orderBy('sla_check_at')
      .limit(batch)
      .execute()
    for (const d of due)
      await db.transaction().execute((trx) => sweepOne(trx, d.workspace_id, d.id, now, result))
    result.checked += due.length
    if (due.length < batch) break
  }
  return result
}

async function sweepOne(trx: Kysely<DB>, workspaceId: string, id: string, now: Date, result: SweepResult) {
  const c = await trx
    .selectFrom('cases')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .where('sla_check_at', '<=', now)
    .forUpdate()
    .skipLocked()
    .executeTakeFirst()
  if (!c) return
  const actor = systemActor(workspaceId)
  const { row, state } = await saveCase(trx, c, {}, now, { applyAlerts: true })
  for (const w of state.newlyWarned) {
    result.warnings++
    const notify = row.assignee_id
      ? [row.assignee_id]
      : await escalationRecipients(trx, workspaceId, row.team_id)
    await recordCaseEvent(trx, actor, row, {
      type: 'case.sla_warning',
      summary: `Case #${row.number}: ${CLOCK_NAMES[w.clock]} due ${w.dueAt.toISOString()}`,
      data: { clock: w.key, dueAt: w.dueAt.toISOString(), notify },
      at: now,
    })
  }
  for (const b of state.newlyBreached) {
    result.breaches++
    await recordCaseEvent(trx, actor, row, {
      type: 'case.sla_breached',
      summary: `Case #${row.number}: ${CLOCK_NAMES[b.clock]} target missed (was due ${b.dueAt.toISOString()})`,
      data: { clock: b.key, dueAt: b.dueAt.toISOString() },
      at: now,
    })
  }
  if (state.newlyBreached.length > 0) {
    await escalate(
      trx,
      row,
      now,
      state.newlyBreached.map((b) => b.key),
    )
    result.escalations++
  }
}

/** One step of escalation for a breached case (also used for a missed callback). */
export async function escalate(trx: Kysely<DB>, c: CaseRow, now: Date, reasons: string[]): Promise<CaseRow> {
  const actor = systemActor(c.workspace_id)
  const priority = bumpPriority(c.priority)
  const ctx = await loadSlaContext(trx, c.workspace_id, { ...c, priority })
  // Alerts applied: a tighter target that is already missed is recorded now, without a second bump.
  const { row } = await saveCase(
    trx,
    c,
    {
      priority,
      priority_source: priority === c.priority ? c.priority_source : 'escalation',
      priority_reason: priority === c.priority ? c.priority_reason : `escalated: ${reasons.join(', ')}`,
      escalation_level: c.escalation_level + 1,
    },
    now,
    { ctx, applyAlerts: true },
  )
  const notify = await escalationRecipients(trx, c.workspace_id, c.team_id)
  await recordCaseEvent(trx, actor, row, {
    type: 'case.escalated',
    summary: `Case #${c.number} escalated (level ${row.escalation_level})${priority === c.priority ? '' : `: priority ${c.priority} → ${priority}`}`,
    data: { reasons, from: c.priority, to: priority, level: row.escalation_level, notify },
    at: now,
  })
  return row
}
