import { sql } from 'kysely'
import { z } from 'zod'
import type { Executor } from '../../../db/database.js'

export const AttainmentQuery = z.object({
  groupBy: z.enum(['tier', 'team', 'agent', 'priority', 'channel']).default('tier'),
  from: z.iso.datetime({ offset: true }).optional().describe('Cases opened from (default: 30 days ago)'),
  to: z.iso.datetime({ offset: true }).optional().describe('… until (default: now)'),
})
export type AttainmentQuery = z.infer<typeof AttainmentQuery>

const Clock = z.object({
  met: z.number().int(),
  missed: z.number().int(),
  attainment: z.number().nullable().describe('met ÷ (met + missed); null when nothing was measured'),
})
const Row = z.object({
  key: z.string().nullable().describe('Tier name, team or user id, priority or channel; null for none'),
  label: z.string(),
  cases: z.number().int(),
  resolved: z.number().int(),
  breachedCases: z.number().int(),
  firstResponse: Clock,
  resolution: Clock,
  nextResponse: Clock,
  medianFirstResponseMinutes: z.number().nullable(),
})
export const AttainmentView = z.object({
  groupBy: AttainmentQuery.shape.groupBy,
  from: z.date(),
  to: z.date(),
  total: Row,
  rows: z.array(Row),
})
export type AttainmentView = z.infer<typeof AttainmentView>

const GROUPS = {
  tier: {
    key: sql`coalesce(c.tier, CASE WHEN c.requester_kind = 'internal' THEN 'internal' END)`,
    label: sql`coalesce(c.tier, CASE WHEN c.requester_kind = 'internal' THEN 'internal' ELSE 'no tier' END)`,
  },
  team: { key: sql`c.team_id::text`, label: sql`coalesce(t.name, 'no team')` },
  agent: { key: sql`c.assignee_id::text`, label: sql`coalesce(u.name, 'unassigned')` },
  priority: { key: sql`c.priority`, label: sql`c.priority` },
  channel: { key: sql`c.channel`, label: sql`c.channel` },
} as const

interface Counts {
  key: string | null
  label: string
  cases: number
  resolved: number
  breached: number
  fr_met: number
  fr_missed: number
  res_met: number
  res_missed: number
  nr_total: number
  nr_late: number
  median_fr: number | null
}

const ratio = (met: number, missed: number) =>
  met + missed === 0 ? null : Math.round((met / (met + missed)) * 10_000) / 10_000

/**
 * SLA attainment of the cases opened in a period (merged duplicates left out), grouped by value
 * tier, team, agent, priority or channel. A clock counts as missed when it stopped late, or when
 * it is still running but already breached; still running within target, it is not counted yet.
 */
export async function slaAttainment(
  db: Executor,
  workspaceId: string,
  q: AttainmentQuery,
  now = new Date(),
): Promise<AttainmentView> {
  const to = q.to ? new Date(q.to) : now
  const from = q.from ? new Date(q.from) : new Date(to.getTime() - 30 * 86_400_000)
  const g = GROUPS[q.groupBy]
  const { rows } = await sql<Counts & { grouped: boolean }>`
    SELECT (GROUPING(${g.key}, ${g.label}) = 0) AS grouped, ${g.key} AS key, ${g.label} AS label,
      count(*)::int AS cases,
      count(*) FILTER (WHERE c.resolved_at IS NOT NULL)::int AS resolved,
      count(*) FILTER (WHERE cardinality(c.sla_breached) > 0)::int AS breached,
      count(*) FILTER (WHERE c.first_response_met)::int AS fr_met,
      count(*) FILTER (WHERE NOT c.first_response_met
        OR (c.first_response_met IS NULL AND 'first_response' = ANY(c.sla_breached)))::int AS fr_missed,
      count(*) FILTER (WHERE c.resolution_met)::int AS res_met,
      count(*) FILTER (WHERE NOT c.resolution_met
        OR (c.resolution_met IS NULL AND 'resolution' = ANY(c.sla_breached)))::int AS res_missed,
      coalesce(sum(c.next_responses), 0)::int AS nr_total,
      coalesce(sum(c.next_response_breaches), 0)::int AS nr_late,
      (percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM c.first_responded_at - c.opened_at))
        FILTER (WHERE c.first_responded_at IS NOT NULL) / 60)::float8 AS median_fr
    FROM cases c
    LEFT JOIN service_teams t ON t.workspace_id = c.workspace_id AND t.id = c.team_id
    LEFT JOIN users u ON u.workspace_id = c.workspace_id AND u.id = c.assignee_id
    WHERE c.workspace_id = ${workspaceId} AND c.merged_into_id IS NULL
      AND c.opened_at >= ${from} AND c.opened_at < ${to}
    GROUP BY GROUPING SETS ((${g.key}, ${g.label}), ())
    ORDER BY grouped, label`.execute(db)
  const view = (r: Counts) => ({
    key: r.key,
    label: r.label,
    cases: r.cases,
    resolved: r.resolved,
    breachedCases: r.breached,
    firstResponse: { met: r.fr_met, missed: r.fr_missed, attainment: ratio(r.fr_met, r.fr_missed) },
    resolution: { met: r.res_met, missed: r.res_missed, attainment: ratio(r.res_met, r.res_missed) },
    nextResponse: {
      met: r.nr_total - r.nr_late,
      missed: r.nr_late,
      attainment: ratio(r.nr_total - r.nr_late, r.nr_late),
    },
    medianFirstResponseMinutes: r.median_fr === null ? null : Math.round(r.median_fr * 10) / 10,
  })
  const total = rows.find((r) => !r.grouped)
  const empty: Counts = {
    key: null,
    label: 'all',
    cases: 0,
    resolved: 0,
    breached: 0,
    fr_met: 0,
    fr_missed: 0,
    res_met: 0,
    res_missed: 0,
    nr_total: 0,
    nr_late: 0,
    median_fr: null,
  }
  return {
    groupBy: q.groupBy,
    from,
    to,
    total: view({ ...(total ?? empty), key: null, label: 'all' }),
    rows: rows.filter((r) => r.grouped).map(view),
  }
}
