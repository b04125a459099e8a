import { sql } from 'kysely'
import { z } from 'zod'
import type { Executor } from '../../../db/database.js'
import { findOwned } from '../../../db/find-owned.js'
import { ServiceError } from '../service.errors.js'

export const QueueHealthView = z.object({
  teamId: z.uuid(),
  teamName: z.string(),
  waiting: z.number().int().describe('New and open cases still waiting for their first answer'),
  oldestWaitMinutes: z.number().nullable(),
  medianWaitMinutes: z.number().nullable(),
  expectedWaitMinutes: z
    .number()
    .nullable()
    .describe(
      'For a case arriving now: the cases ahead of it plus itself, at the last 24 hours’ answer rate',
    ),
  actionable: z.number().int().describe('New and open cases'),
  unresolved: z.number().int(),
  unassigned: z.number().int(),
  breached: z.number().int().describe('Unresolved cases with a missed target'),
  answeredLast24h: z.number().int(),
  availableAgents: z.number().int(),
  at: z.date(),
})
export type QueueHealthView = z.infer<typeof QueueHealthView>

const DAY_MINUTES = 24 * 60

/**
 * Live health of one team's queue. Waits are wall-clock minutes since the case opened. The
 * expected wait follows Little's law: with λ first answers per minute over the last day, a case
 * arriving now waits about (waiting + 1) / λ; with no answers in a day there is no estimate.
 */
export async function queueHealth(
  db: Executor,
  workspaceId: string,
  teamId: string,
  now = new Date(),
): Promise<QueueHealthView> {
  const team = await findOwned(db, 'service_teams', workspaceId, teamId)
  if (!team) throw new ServiceError('TEAM_NOT_FOUND', `team ${teamId} not found`)
  const since = new Date(now.getTime() - DAY_MINUTES * 60_000)
  const { rows } = await sql<{
    waiting: number
    oldest: number | null
    median: number | null
    actionable: number
    unresolved: number
    unassigned: number
    breached: number
    answered: number
    agents: number
  }>`
    SELECT w.waiting, w.oldest, w.median, o.actionable, o.unresolved, o.unassigned, o.breached, a.answered, m.agents
    FROM (
      SELECT count(*)::int AS waiting,
        (extract(epoch FROM ${now}::timestamptz - min(opened_at)) / 60)::float8 AS oldest,
        (percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM ${now}::timestamptz - opened_at)) / 60)::float8 AS median
      FROM cases WHERE workspace_id = ${workspaceId} AND team_id = ${team.id}
        AND status IN ('new', 'open') AND first_responded_at IS NULL
    ) w, (
      SELECT count(*) FILTER (WHERE status IN ('new', 'open'))::int AS actionable, count(*)::int AS unresolved,
        count(*) FILTER (WHERE assignee_id IS NULL)::int AS unassigned,
        count(*) FILTER (WHERE cardinality(sla_breached) > 0)::int AS breached
      FROM cases WHERE workspace_id = ${workspaceId} AND team_id = ${team.id}
        AND status IN ('new', 'open', 'waiting_on_customer', 'waiting_on_third_party')
    ) o, (
      SELECT count(*)::int AS answered FROM cases
      WHERE workspace_id = ${workspaceId} AND team_id = ${team.id}
        AND first_responded_at IS NOT NULL AND first_responded_at > ${since} AND first_responded_at <= ${now}
    ) a, (
      SELECT count(*)::int AS agents FROM service_team_members m
      JOIN users u ON u.workspace_id = m.workspace_id AND u.id = m.user_id AND u.active
      WHERE m.workspace_id = ${workspaceId} AND m.team_id = ${team.id} AND m.available
    ) m`.execute(db)
  const r = rows[0]!
  const rate = r.answered / DAY_MINUTES
  const round = (x: number | null) => (x === null ? null : Math.round(x * 10) / 10)
  return {
    teamId: team.id,
    teamName: team.name,
    waiting: r.waiting,
    oldestWaitMinutes: round(r.oldest),
    medianWaitMinutes: round(r.median),
    expectedWaitMinutes: rate > 0 ? round((r.waiting + 1) / rate) : null,
    actionable: r.actionable,
    unresolved: r.unresolved,
    unassigned: r.unassigned,
    breached: r.breached,
    answeredLast24h: r.answered,
    availableAgents: r.agents,
    at: now,
  }
}

/** Health of every team's queue, by team name. */
export async function allQueuesHealth(
  db: Executor,
  workspaceId: string,
  now = new Date(),
): Promise<QueueHealthView[]> {
  const teams = await db
    .selectFrom('service_teams')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .orderBy('name')
    .execute()
  const out: QueueHealthView[] = []
  for (const t of teams) out.push(await queueHealth(db, workspaceId, t.id, now))
  return out
}
