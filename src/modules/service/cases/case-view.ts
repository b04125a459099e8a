import { z } from 'zod'
import type { Executor } from '../../../db/database.js'
import { isUuid } from '../../../db/ids.js'
import { ServiceError } from '../service.errors.js'
import { CaseChannel, CasePriority, CaseStatus, CaseUrgency } from './case.constants.js'

const Clock = z.object({
  dueAt: z.date().nullable().describe('Null while paused, or without a target'),
  at: z.date().nullable().describe('When the clock stopped (answered, resolved)'),
  met: z.boolean().nullable().describe('Null until the clock stops, or without a target'),
})

export const CaseSlaView = z.object({
  policyId: z.uuid().nullable(),
  calendarId: z.uuid().nullable(),
  paused: z.boolean().describe('Waiting on the customer: the clocks stand still'),
  pausedSince: z.date().nullable(),
  nextDueAt: z.date().nullable().describe('Earliest deadline of a running clock (breached ones included)'),
  firstResponse: Clock,
  nextResponse: Clock.extend({
    count: z.number().int().describe('Answers given to customer messages after the first response'),
    breaches: z.number().int(),
  }),
  resolution: Clock,
  warned: z.array(z.string()),
  breached: z
    .array(z.string())
    .describe('Clocks that missed their target: first_response, next_response:N, resolution, callback:ID'),
})

export const CaseView = z.object({
  id: z.uuid(),
  number: z.number().int(),
  channel: CaseChannel,
  requester: z.object({
    kind: z.enum(['customer', 'internal']),
    customerId: z.uuid().nullable(),
    customerName: z.string().nullable(),
    department: z.string().nullable(),
  }),
  subject: z.string(),
  description: z.string(),
  category: z.string().nullable(),
  urgency: CaseUrgency,
  tier: z.string().nullable().describe("The customer's value tier when the priority was set"),
  priority: CasePriority,
  prioritySource: z.enum(['matrix', 'override', 'escalation']),
  priorityReason: z.string().nullable(),
  status: CaseStatus,
  teamId: z.uuid().nullable(),
  teamName: z.string().nullable(),
  assigneeId: z.uuid().nullable(),
  assigneeName: z.string().nullable(),
  tags: z.array(z.string()),
  mergedIntoId: z.uuid().nullable(),
  sla: CaseSlaView,
  escalationLevel: z.number().int(),
  openedAt: z.date(),
  resolvedAt: z.date().nullable(),
  closedAt: z.date().nullable(),
  reopenedCount: z.number().int(),
  createdAt: z.date(),
  updatedAt: z.date(),
})
export type CaseView = z.infer<typeof CaseView>

export function selectCaseViews(db: Executor, workspaceId: string) {
  return db
    .selectFrom('cases as c')
    .leftJoin('customers as cu', (j) =>
      j.onRef('cu.workspace_id', '=', 'c.workspace_id').onRef('cu.id', '=', 'c.customer_id'),
    )
    .leftJoin('service_teams as t', (j) =>
      j.onRef('t.workspace_id', '=', 'c.workspace_id').onRef('t.id', '=', 'c.team_id'),
    )
    .leftJoin('users as u', (j) =>
      j.onRef('u.workspace_id', '=', 'c.workspace_id').onRef('u.id', '=', 'c.assignee_id'),
    )
    .selectAll('c')
    .select(['cu.name as customer_name', 't.name as team_name', 'u.name as assignee_name'])
    .where('c.workspace_id', '=', workspaceId)
}
export type CaseViewRow = Awaited<ReturnType<ReturnType<typeof selectCaseViews>['executeTakeFirstOrThrow']>>

export const toCaseView = (r: Omit<CaseViewRow, 'priority_rank'>): CaseView => ({
  id: r.id,
  number: r.number,
  channel: r.channel,
  requester: {
    kind: r.requester_kind,
    customerId: r.customer_id,
    customerName: r.customer_name,
    department: r.department,
  },
  subject: r.subject,
  description: r.description,
  category: r.category,
  urgency: r.urgency,
  tier: r.tier,
  priority: r.priority,
  prioritySource: r.priority_source,
  priorityReason: r.priority_reason,
  status: r.status,
  teamId: r.team_id,
  teamName: r.team_name,
  assigneeId: r.assignee_id,
  assigneeName: r.assignee_name,
  tags: r.tags,
  mergedIntoId: r.merged_into_id,
  sla: {
    policyId: r.sla_policy_id,
    calendarId: r.calendar_id,
    paused: r.sla_paused_since !== null,
    pausedSince: r.sla_paused_since,
    nextDueAt: r.next_due_at,
    firstResponse: { dueAt: r.first_response_due_at, at: r.first_responded_at, met: r.first_response_met },
    nextResponse: {
      dueAt: r.next_response_due_at,
      at: null,
      met: null,
      count: r.next_responses,
      breaches: r.next_response_breaches,
    },
    resolution: { dueAt: r.resolution_due_at, at: r.resolved_at, met: r.resolution_met },
    warned: r.sla_warned,
    breached: r.sla_breached,
  },
  escalationLevel: r.escalation_level,
  openedAt: r.opened_at,
  resolvedAt: r.resolved_at,
  closedAt: r.closed_at,
  reopenedCount: r.reopened_count,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
})

export async function getCase(db: Executor, workspaceId: string, id: string): Promise<CaseView> {
  const row = isUuid(id)
    ? await selectCaseViews(db, workspaceId).where('c.id', '=', id).executeTakeFirst()
    : undefined
  if (!row) throw new ServiceError('CASE_NOT_FOUND', `case ${id} not found`)
  return toCaseView(row)
}

/** The case row, locked for the rest of the caller's transaction (writes to one case queue up). */
export async function lockCase(trx: Executor, workspaceId: string, id: string) {
  const row = isUuid(id)
    ? await trx
        .selectFrom('cases')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', id)
        .forUpdate()
        .executeTakeFirst()
    : undefined
  if (!row) throw new ServiceError('CASE_NOT_FOUND', `case ${id} not found`)
  return row
}
