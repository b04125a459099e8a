import { z } from 'zod'
import type { Executor } from '../../../db/database.js'
import { findOwned } from '../../../db/find-owned.js'
import { type Actor, recordAudit } from '../../platform/index.js'
import { type CaseChanges, type CaseRow, saveCase } from '../case-sla/save-case.js'
import { derivePriority } from '../config/priority-matrix.js'
import { getServiceSettings } from '../config/service-settings.js'
import { ServiceError, unknownReference } from '../service.errors.js'
import { withTransaction } from '../with-transaction.js'
import { CasePriority, CaseUrgency, Category, Tag } from './case.constants.js'
import { recordCaseEvent } from './case-events.js'
import { type CaseView, getCase, lockCase } from './case-view.js'
import { activeUser } from './create-case.js'

export const UpdateCaseInput = z.object({
  subject: z.string().trim().min(1).max(300).optional(),
  description: z.string().max(20_000).optional(),
  category: Category.nullable().optional(),
  urgency: CaseUrgency.optional().describe('Re-derives the priority unless it was overridden'),
  tags: z.array(Tag).max(30).optional(),
  teamId: z.uuid().nullable().optional(),
  assigneeId: z.uuid().nullable().optional(),
})
export type UpdateCaseInput = z.input<typeof UpdateCaseInput>

export const OverridePriorityInput = z.object({
  priority: CasePriority,
  reason: z.string().trim().min(1).max(500).describe('Why the matrix priority does not fit'),
})

/** Changes the fields sent. A new urgency re-derives a matrix priority (and so the due times). */
export async function updateCase(
  db: Executor,
  actor: Actor,
  id: string,
  input: UpdateCaseInput,
  opts: { now?: Date } = {},
): Promise<CaseView> {
  const u = UpdateCaseInput.parse(input)
  const now = opts.now ?? new Date()
  const ws = actor.workspaceId
  return withTransaction(db, async (trx) => {
    const c = await lockCase(trx, ws, id)
    if (u.teamId && !(await findOwned(trx, 'service_teams', ws, u.teamId)))
      throw unknownReference('body.teamId', 'team')
    if (u.assigneeId && !(await activeUser(trx, ws, u.assigneeId)))
      throw unknownReference('body.assigneeId', 'user')
    const before = await getCase(trx, ws, c.id)
    const changes: CaseChanges = {}
    if (u.subject !== undefined) changes.subject = u.subject
    if (u.description !== undefined) changes.description = u.description
    if (u.category !== undefined) changes.category = u.category
    if (u.tags !== undefined) changes.tags = [...new Set(u.tags)]
    if (u.teamId !== undefined) changes.team_id = u.teamId
    if (u.assigneeId !== undefined) changes.assignee_id = u.assigneeId
    if (u.urgency !== undefined && u.urgency !== c.urgency) {
      changes.urgency = u.urgency
      if (c.priority_source === 'matrix') {
        const { priorityMatrix } = await getServiceSettings(trx, ws)
        changes.priority = derivePriority(
          priorityMatrix,
          { requesterKind: c.requester_kind, tier: c.tier },
          u.urgency,
        )
      }
    }
    const { row } = await saveCase(trx, c, changes, now)
    await recordChangeEvents(trx, actor, c, row, now)
    const after = await getCase(trx, ws, c.id)
    await recordAudit(trx, actor, {
      action: 'case.updated',
      entityType: 'case',
      entityId: c.id,
      before,
      after,
    })
    return after
  })
}

async function recordChangeEvents(trx: Executor, actor: Actor, c: CaseRow, row: CaseRow, now: Date) {
  if (c.assignee_id !== row.assignee_id || c.team_id !== row.team_id)
    await recordCaseEvent(trx, actor, row, {
      type: 'case.assigned',
      summary: `Case #${c.number} ${row.assignee_id ? 'assigned' : 'unassigned'}`,
      data: { teamId: row.team_id, assigneeId: row.assignee_id, previousAssigneeId: c.assignee_id },
      at: now,
    })
  const fields = (['subject', 'description', 'category', 'urgency', 'tags', 'priority'] as const).filter(
    (f) => JSON.stringify(c[f]) !== JSON.stringify(row[f]),
  )
  if (fields.length > 0)
    await recordCaseEvent(trx, actor, row, {
      type: 'case.updated',
      summary: `Case #${c.number}: ${fields.join(', ')} changed`,
      data: Object.fromEntries(fields.map((f) => [f, { from: c[f], to: row[f] }])),
      at: now,
    })
}

/** Overrides the matrix priority with a reason; the due times follow the new priority's targets. */
export async function overrideCasePriority(
  db: Executor,
  actor: Actor,
  id: string,
  input: z.input<typeof OverridePriorityInput>,
  opts: { now?: Date } = {},
): Promise<CaseView> {
  const p = OverridePriorityInput.parse(input)
  const now = opts.now ?? new Date()
  return withTransaction(db, async (trx) => {
    const c = await lockCase(trx, actor.workspaceId, id)
    const before = await getCase(trx, actor.workspaceId, c.id)
    const { row } = await saveCase(
      trx,
      c,
      { priority: p.priority, priority_source: 'override', priority_reason: p.reason },
      now,
    )
    await recordCaseEvent(trx, actor, row, {
      type: 'case.priority_changed',
      summary: `Case #${c.number} priority ${c.priority} → ${p.priority}: ${p.reason}`,
      data: { from: c.priority, to: p.priority, reason: p.reason, source: 'override' },
      at: now,
    })
    const after = await getCase(trx, actor.workspaceId, c.id)
    await recordAudit(trx, actor, {
      action: 'case.priority_overridden',
      entityType: 'case',
      entityId: c.id,
      before,
      after,
    })
    return after
  })
}

/** "Take" a case: assign it to the signed-in user, and open it if it is new. */
export async function takeCase(
  db: Executor,
  actor: Actor,
  id: string,
  opts: { now?: Date } = {},
): Promise<CaseView> {
  const now = opts.now ?? new Date()
  return withTransaction(db, async (trx) => {
    const c = await lockCase(trx, actor.workspaceId, id)
    if (!actor.userId)
      throw new ServiceError(
        'MY_QUEUE_NEEDS_USER',
        'an API token is not a person: assign with PATCH assigneeId instead',
      )
    const before = await getCase(trx, actor.workspaceId, c.id)
    const { row } = await saveCase(
      trx,
      c,
      { assignee_id: actor.userId, ...(c.status === 'new' ? { status: 'open' } : {}) },
      now,
    )
    await recordChangeEvents(trx, actor, c, row, now)
    const after = await getCase(trx, actor.workspaceId, c.id)
    await recordAudit(trx, actor, { action: 'case.taken', entityType: 'case', entityId: c.id, before, after })
    return after
  })
}
