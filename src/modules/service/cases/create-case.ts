import { z } from 'zod'
import type { Executor } from '../../../db/database.js'
import { isUuid, newId } from '../../../db/ids.js'
import { type Actor, auditRow } from '../../platform/index.js'
import { evaluateCaseSla } from '../case-sla/evaluate-case-sla.js'
import { slaColumns } from '../case-sla/save-case.js'
import { slaInputOf } from '../case-sla/sla-context.js'
import { derivePriority } from '../config/priority-matrix.js'
import { loadsFor, routeCase } from '../routing/route-case.js'
import { ServiceError, unknownReference } from '../service.errors.js'
import { CaseChannel, CasePriority, CaseUrgency, Category, Tag } from './case.constants.js'
import { caseEventRow } from './case-events.js'
import { type CaseView, toCaseView } from './case-view.js'
import { insertNewCase, NEW_CASE, type NewCaseRow } from './insert-new-case.js'
import { loadNewCaseContext } from './new-case-context.js'

export const CreateCaseInput = z
  .object({
    channel: CaseChannel,
    customerId: z
      .uuid()
      .optional()
      .describe('The customer asking; or give department for an internal request'),
    department: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .optional()
      .describe('Requesting department (internal customer)'),
    subject: z.string().trim().min(1).max(300),
    description: z.string().max(20_000).default(''),
    category: Category.optional(),
    urgency: CaseUrgency.default('medium'),
    priority: CasePriority.optional().describe('Overrides the priority matrix; needs priorityReason'),
    priorityReason: z.string().trim().min(1).max(500).optional(),
    tags: z.array(Tag).max(30).default([]),
    teamId: z.uuid().optional().describe('Skips routing to a team'),
    assigneeId: z.uuid().optional().describe('Skips automatic assignment'),
    openedAt: z.iso
      .datetime({ offset: true })
      .optional()
      .describe('When the request arrived, if earlier than now (e.g. taken over from another system)'),
  })
  .refine((c) => (c.customerId === undefined) !== (c.department === undefined), {
    path: ['customerId'],
    message: 'give exactly one of customerId and department',
  })
  .refine((c) => c.priority === undefined || c.priorityReason !== undefined, {
    path: ['priorityReason'],
    message: 'a priority override needs a reason',
  })
export type CreateCaseInput = z.input<typeof CreateCaseInput>

/**
 * Opens a case: priority from the workspace matrix (tier × urgency) unless overridden, the SLA
 * policy of the requester's tier (or internal/default), due times on the policy's calendar, and a
 * team and assignee by the routing rules unless given.
 *
 * Two round trips (three for a load-based rule): `loadNewCaseContext` reads everything the case
 * is decided from and takes its number; `insertNewCase` writes the case, its first history event,
 * its audit row and the assignee's turn in one statement.
 *
 * @example await createCase(db, actor, { channel: 'phone', customerId, subject: 'Grinder jams' })
 */
export async function createCase(
  db: Executor,
  actor: Actor,
  input: CreateCaseInput,
  opts: { now?: Date } = {},
): Promise<CaseView> {
  const c = CreateCaseInput.parse(input)
  const now = opts.now ?? new Date()
  const openedAt = c.openedAt ? new Date(c.openedAt) : now
  if (openedAt > now)
    throw new ServiceError('INVALID_INPUT', 'openedAt lies in the future', {
      fields: [{ path: 'body.openedAt', message: 'must not be later than now' }],
    })
  const ws = actor.workspaceId
  const ctx = await loadNewCaseContext(db, ws, c)
  const { customer, settings } = ctx
  if (c.customerId && !customer) throw unknownReference('body.customerId', 'customer')
  if (c.teamId && !ctx.teamNames.has(c.teamId)) throw unknownReference('body.teamId', 'team')
  if (c.assigneeId && !ctx.assignee) throw unknownReference('body.assigneeId', 'user')
  const requesterKind = customer ? 'customer' : 'internal'
  const tier = customer?.tier ?? null
  const priority = c.priority ?? derivePriority(settings.priorityMatrix, { requesterKind, tier }, c.urgency)
  const facts = {
    channel: c.channel,
    category: c.category ?? null,
    tier,
    requesterKind,
    ownerId: customer?.owner_id ?? null,
  } as const
  const given = { teamId: c.teamId, assigneeId: c.assigneeId }
  const route = routeCase(
    ctx.routing,
    facts,
    {
      teamId: c.teamId,
      assignee: ctx.assignee ? { userId: ctx.assignee.id, name: ctx.assignee.name } : undefined,
      defaultTeamId: settings.defaultTeamId,
    },
    await loadsFor(db, ws, ctx.routing, facts, given),
  )
  const sla = slaColumns(
    evaluateCaseSla(slaInputOf({ ...NEW_CASE, opened_at: openedAt }, ctx.slaFor(priority)), now),
    now,
    false,
  )
  const row: NewCaseRow = {
    ...NEW_CASE,
    workspace_id: ws,
    id: newId(),
    number: ctx.number,
    channel: c.channel,
    requester_kind: requesterKind,
    customer_id: customer?.id ?? null,
    department: customer ? null : (c.department ?? null),
    subject: c.subject,
    description: c.description,
    category: c.category ?? null,
    urgency: c.urgency,
    tier,
    priority,
    priority_source: c.priority ? 'override' : 'matrix',
    priority_reason: c.priority ? (c.priorityReason ?? null) : null,
    team_id: route.teamId,
    assignee_id: route.assignee?.userId ?? null,
    tags: [...new Set(c.tags)],
    sla_policy_id: ctx.policyId,
    calendar_id: ctx.calendarId,
    opened_at: openedAt,
    first_response_due_at: sla.first_response_due_at ?? null,
    next_response_due_at: sla.next_response_due_at ?? null,
    resolution_due_at: sla.resolution_due_at ?? null,
    next_due_at: sla.next_due_at ?? null,
    sla_check_at: sla.sla_check_at ?? null,
    created_by: actor.userId,
    created_at: now,
    updated_at: now,
  }
  const names = {
    customer_name: customer?.name ?? null,
    team_name: route.teamId ? (ctx.teamNames.get(route.teamId) ?? null) : null,
  }
  const event = caseEventRow(actor, row, {
    type: 'case.opened',
    summary: `Case #${row.number} opened (${c.channel.replace('_', ' ')}): ${c.subject}`,
    data: {
      number: row.number,
      channel: c.channel,
      priority,
      prioritySource: row.priority_source,
      teamId: route.teamId,
      assigneeId: row.assignee_id,
      routedBy: route.how,
      ruleId: route.ruleId,
    },
    at: openedAt,
  })
  const audit = auditRow(actor, {
    action: 'case.created',
    entityType: 'case',
    entityId: row.id,
    after: toCaseView({ ...row, ...names, assignee_name: route.assignee?.name ?? null }),
  })
  const created = await insertNewCase(db, { row, event, audit, route })
  return toCaseView({ ...created, ...names })
}

export async function activeUser(db: Executor, workspaceId: string, userId: string) {
  if (!isUuid(userId)) return undefined
  return db
    .selectFrom('users')
    .select(['id', 'name'])
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', userId)
    .where('active', '=', true)
    .executeTakeFirst()
}
