import { sql } from 'kysely'
import { z } from 'zod'
import type { Executor } from '../../../db/database.js'
import { findOwned } from '../../../db/find-owned.js'
import { isUuid, newId } from '../../../db/ids.js'
import { type Actor, recordAudit } from '../../platform/index.js'
import { evaluateCaseSla } from '../case-sla/evaluate-case-sla.js'
import { slaColumns } from '../case-sla/save-case.js'
import { choosePolicy, loadSlaContext, slaInputOf } from '../case-sla/sla-context.js'
import { derivePriority } from '../config/priority-matrix.js'
import { getServiceSettings } from '../config/service-settings.js'
import { routeCase } from '../routing/route-case.js'
import { ServiceError, unknownReference } from '../service.errors.js'
import { withTransaction } from '../with-transaction.js'
import { CaseChannel, CasePriority, CaseUrgency, Category, Tag } from './case.constants.js'
import { recordCaseEvent } from './case-events.js'
import { type CaseView, getCase } from './case-view.js'

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

/** Numbers are taken in their own statement: a rollback leaves a gap, never a wait (see migration). */
async function nextCaseNumber(db: Executor, workspaceId: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    INSERT INTO case_numbers (workspace_id, last_number) VALUES (${workspaceId}, 1)
    ON CONFLICT (workspace_id) DO UPDATE SET last_number = case_numbers.last_number + 1
    RETURNING last_number AS n`.execute(db)
  return rows[0]!.n
}

/**
 * Opens a case: priority from the workspace matrix (tier × urgency) unless overridden, the SLA
 * policy of the requester's tier (or internal/default), due times on the policy's calendar, and a
 * team and assignee by the routing rules unless given.
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
  const number = await nextCaseNumber(db, ws)
  return withTransaction(db, async (trx) => {
    const customer = c.customerId
      ? await trx
          .selectFrom('customers')
          .select(['id', 'name', 'tier', 'owner_id'])
          .where('workspace_id', '=', ws)
          .where('id', '=', c.customerId)
          .executeTakeFirst()
      : undefined
    if (c.customerId && !customer) throw unknownReference('body.customerId', 'customer')
    if (c.teamId && !(await findOwned(trx, 'service_teams', ws, c.teamId)))
      throw unknownReference('body.teamId', 'team')
    if (c.assigneeId && !(await activeUser(trx, ws, c.assigneeId)))
      throw unknownReference('body.assigneeId', 'user')
    const settings = await getServiceSettings(trx, ws)
    const requesterKind = customer ? 'customer' : 'internal'
    const tier = customer?.tier ?? null
    const priority = c.priority ?? derivePriority(settings.priorityMatrix, { requesterKind, tier }, c.urgency)
    const policy = await choosePolicy(trx, ws, requesterKind, tier)
    const calendarId = policy?.calendar_id ?? settings.defaultCalendarId
    const route = await routeCase(
      trx,
      ws,
      {
        channel: c.channel,
        category: c.category ?? null,
        tier,
        requesterKind,
        ownerId: customer?.owner_id ?? null,
      },
      { teamId: c.teamId, assigneeId: c.assigneeId, defaultTeamId: settings.defaultTeamId },
    )
    const ctx = await loadSlaContext(trx, ws, {
      sla_policy_id: policy?.id ?? null,
      calendar_id: calendarId,
      priority,
    })
    const fresh = {
      opened_at: openedAt,
      sla_pauses: [],
      sla_paused_since: null,
      first_responded_at: null,
      next_response_started_at: null,
      next_responses: 0,
      resolved_at: null,
      status: 'new' as const,
      merged_into_id: null,
      sla_warned: [],
      sla_breached: [],
    }
    const sla = slaColumns(evaluateCaseSla(slaInputOf(fresh, ctx), now), now, false)
    const id = newId()
    const row = await trx
      .insertInto('cases')
      .values({
        workspace_id: ws,
        id,
        number,
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
        assignee_id: route.assigneeId,
        tags: [...new Set(c.tags)],
        sla_policy_id: policy?.id ?? null,
        calendar_id: calendarId,
        opened_at: openedAt,
        first_response_due_at: sla.first_response_due_at ?? null,
        resolution_due_at: sla.resolution_due_at ?? null,
        next_due_at: sla.next_due_at ?? null,
        sla_check_at: sla.sla_check_at ?? null,
        created_by: actor.userId,
        created_at: now,
        updated_at: now,
      })
      .returning(['id', 'customer_id'])
      .executeTakeFirstOrThrow()
    await recordCaseEvent(trx, actor, row, {
      type: 'case.opened',
      summary: `Case #${number} opened (${c.channel.replace('_', ' ')}): ${c.subject}`,
      data: {
        number,
        channel: c.channel,
        priority,
        prioritySource: c.priority ? 'override' : 'matrix',
        teamId: route.teamId,
        assigneeId: route.assigneeId,
        routedBy: route.how,
        ruleId: route.ruleId,
      },
      at: openedAt,
    })
    const view = await getCase(trx, ws, id)
    await recordAudit(trx, actor, { action: 'case.created', entityType: 'case', entityId: id, after: view })
    return view
  })
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
