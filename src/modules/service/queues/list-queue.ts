import { sql } from 'kysely'
import { z } from 'zod'
import type { Executor } from '../../../db/database.js'
import { findOwned } from '../../../db/find-owned.js'
import { decodeCursor, type Page, PageQuery, toPage } from '../../../shared/pagination.js'
import type { Actor } from '../../platform/index.js'
import {
  ACTIONABLE_STATUSES,
  CasePriority,
  CaseStatus,
  UNRESOLVED_STATUSES,
} from '../cases/case.constants.js'
import { ServiceError } from '../service.errors.js'

export const QueueQuery = z.object({
  ...PageQuery.shape,
  status: z
    .string()
    .max(200)
    .transform((s) =>
      s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(UNRESOLVED_STATUSES)).min(1))
    .optional()
    .describe('Comma-separated unresolved statuses; default new,open (what an agent can act on)'),
  assignee: z
    .union([z.uuid(), z.literal('none')])
    .optional()
    .describe('A user id, or none for unassigned cases'),
})
export type QueueQuery = z.infer<typeof QueueQuery>

export const QueueItem = z.object({
  id: z.uuid(),
  number: z.number().int(),
  subject: z.string(),
  status: CaseStatus,
  priority: CasePriority,
  channel: z.string(),
  category: z.string().nullable(),
  tier: z.string().nullable(),
  customerId: z.uuid().nullable(),
  requesterName: z.string().nullable().describe('The customer, or the requesting department'),
  teamId: z.uuid().nullable(),
  assigneeId: z.uuid().nullable(),
  assigneeName: z.string().nullable(),
  nextDueAt: z.date().nullable().describe('Earliest deadline; time to breach = nextDueAt − now'),
  breached: z.boolean(),
  paused: z.boolean(),
  openedAt: z.date(),
})
export type QueueItem = z.infer<typeof QueueItem>

/** Queue order: the nearest deadline first (breached ones lead), then priority, then age. */
const DUE = sql`coalesce(c.next_due_at, 'infinity'::timestamptz)`

function queueRows(db: Executor, workspaceId: string, q: QueueQuery) {
  let qb = db
    .selectFrom('cases as c')
    .leftJoin('customers as cu', (j) =>
      j.onRef('cu.workspace_id', '=', 'c.workspace_id').onRef('cu.id', '=', 'c.customer_id'),
    )
    .leftJoin('users as u', (j) =>
      j.onRef('u.workspace_id', '=', 'c.workspace_id').onRef('u.id', '=', 'c.assignee_id'),
    )
    .select([
      'c.id',
      'c.number',
      'c.subject',
      'c.status',
      'c.priority',
      'c.priority_rank',
      'c.channel',
      'c.category',
      'c.tier',
      'c.customer_id',
      'c.department',
      'cu.name as customer_name',
      'c.team_id',
      'c.assignee_id',
      'u.name as assignee_name',
      'c.next_due_at',
      'c.sla_breached',
      'c.sla_paused_since',
      'c.opened_at',
      sql<string>`${DUE}::text`.as('due_key'),
    ])
    .where('c.workspace_id', '=', workspaceId)
    // The default status set is exactly the partial index's predicate, so the planner uses it.
    .where('c.status', 'in', q.status ?? [...ACTIONABLE_STATUSES])
  if (q.assignee === 'none') qb = qb.where('c.assignee_id', 'is', null)
  else if (q.assignee) qb = qb.where('c.assignee_id', '=', q.assignee)
  if (q.cursor) {
    const [due, rank, id] = decodeCursor(q.cursor, 3)
    qb = qb.where(
      sql<boolean>`(${DUE}, c.priority_rank, c.id) > (CAST(${due} AS timestamptz), CAST(${rank} AS smallint), CAST(${id} AS uuid))`,
    )
  }
  return qb
}

async function page(qb: ReturnType<typeof queueRows>, limit: number): Promise<Page<QueueItem>> {
  const rows = await qb
    .orderBy(DUE)
    .orderBy('c.priority_rank')
    .orderBy('c.id')
    .limit(limit + 1)
    .execute()
  return toPage(
    rows,
    limit,
    (r) => [r.due_key, r.priority_rank, r.id],
    (r) => ({
      id: r.id,
      number: r.number,
      subject: r.subject,
      status: r.status,
      priority: r.priority,
      channel: r.channel,
      category: r.category,
      tier: r.tier,
      customerId: r.customer_id,
      requesterName: r.customer_name ?? r.department,
      teamId: r.team_id,
      assigneeId: r.assignee_id,
      assigneeName: r.assignee_name,
      nextDueAt: r.next_due_at,
      breached: r.sla_breached.length > 0,
      paused: r.sla_paused_since !== null,
      openedAt: r.opened_at,
    }),
  )
}

/** A team's queue, ordered by time to breach, then priority. */
export async function listTeamQueue(
  db: Executor,
  workspaceId: string,
  teamId: string,
  q: QueueQuery,
): Promise<Page<QueueItem>> {
  const team = await findOwned(db, 'service_teams', workspaceId, teamId)
  if (!team) throw new ServiceError('TEAM_NOT_FOUND', `team ${teamId} not found`)
  return page(queueRows(db, workspaceId, q).where('c.team_id', '=', team.id), q.limit)
}

/** The signed-in agent's cases across teams, in queue order. */
export async function listMyQueue(
  db: Executor,
  actor: Actor,
  q: Omit<QueueQuery, 'assignee'>,
): Promise<Page<QueueItem>> {
  if (!actor.userId)
    throw new ServiceError(
      'MY_QUEUE_NEEDS_USER',
      'an API token is not a person: read a team queue with ?assignee= instead',
    )
  return page(queueRows(db, actor.workspaceId, { ...q, assignee: actor.userId }), q.limit)
}
