import type { Executor, Row } from '../../../db/database.js'
import { type CaseSlaState, evaluateCaseSla } from './evaluate-case-sla.js'
import { loadSlaContext, type SlaContext, slaInputOf } from './sla-context.js'

export type CaseRow = Row<'cases'>
/** Columns a write may change (everything but keys and generated columns). */
export type CaseChanges = Partial<Omit<CaseRow, 'workspace_id' | 'id' | 'priority_rank' | 'created_at'>>

/** SLA columns as the state says; alerts still to raise leave the case due for the sweep now. */
export function slaColumns(state: CaseSlaState, now: Date, applyAlerts: boolean): CaseChanges {
  const pending = state.newlyWarned.length > 0 || state.newlyBreached.length > 0
  return {
    first_response_due_at: state.firstResponseDueAt,
    next_response_due_at: state.nextResponseDueAt,
    resolution_due_at: state.resolutionDueAt,
    next_due_at: state.nextDueAt,
    sla_check_at: !applyAlerts && pending ? now : state.checkAt,
    ...(applyAlerts ? { sla_warned: state.warned, sla_breached: state.breached } : {}),
  }
}

/**
 * Writes changes to a case and recomputes its SLA columns from the result, in one UPDATE. Warnings
 * and breaches are raised (with escalation) by the SLA sweep only, so that every path through
 * which a deadline passes behaves the same; `applyAlerts` is the sweep's switch.
 */
export async function saveCase(
  trx: Executor,
  before: CaseRow,
  changes: CaseChanges,
  now: Date,
  opts: { ctx?: SlaContext; applyAlerts?: boolean } = {},
): Promise<{ row: CaseRow; state: CaseSlaState }> {
  const merged = { ...before, ...changes }
  const ctx = opts.ctx ?? (await loadSlaContext(trx, before.workspace_id, merged))
  const state = evaluateCaseSla(slaInputOf(merged, ctx), now)
  const all: CaseChanges = {
    ...changes,
    ...slaColumns(state, now, opts.applyAlerts ?? false),
    updated_at: now,
  }
  const { sla_pauses, ...rest } = all
  const row = await trx
    .updateTable('cases')
    .set({ ...rest, ...(sla_pauses ? { sla_pauses: JSON.stringify(sla_pauses) } : {}) })
    .where('workspace_id', '=', before.workspace_id)
    .where('id', '=', before.id)
    .returningAll()
    .executeTakeFirstOrThrow()
  return { row, state }
}
