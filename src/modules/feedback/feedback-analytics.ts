import { type Expression, type SqlBool, sql } from 'kysely'
import { z } from 'zod'
import type { Executor, SurveyKind } from '../../db/database.js'
import { customerFilterExpression, getSegment, listSegments } from '../customers/index.js'
import { meanWithInterval, npsWithInterval, wilson } from './feedback-stats.js'

export const AnalyticsQuery = z.object({
  kind: z.enum(['nps', 'csat', 'ces']).default('nps'),
  from: z.iso.datetime({ offset: true }).optional().describe('Default: 180 days ago'),
  to: z.iso.datetime({ offset: true }).optional().describe('Default: now'),
  interval: z.enum(['week', 'month']).default('month'),
  by: z.enum(['none', 'segment', 'tier', 'team', 'agent', 'channel']).default('none'),
  segmentId: z.uuid().optional().describe('Only customers of this segment'),
})
export type AnalyticsQuery = z.input<typeof AnalyticsQuery>

const Figure = z.object({
  n: z.number().int(),
  value: z.number().nullable().describe('NPS (−100…100), CSAT % satisfied (4–5), or CES mean effort (1–7)'),
  low: z.number().nullable().describe('95 % interval: Wilson for CSAT, difference of proportions for NPS'),
  high: z.number().nullable(),
  mean: z.number().nullable(),
})
export const AnalyticsView = z.object({
  kind: z.enum(['nps', 'csat', 'ces']),
  interval: z.enum(['week', 'month']),
  by: z.string(),
  total: Figure,
  groups: z.array(
    z.object({
      key: z.string().nullable(),
      label: z.string(),
      total: Figure,
      points: z.array(Figure.extend({ period: z.date() })),
    }),
  ),
  responseRate: z.object({
    invited: z.number().int(),
    answered: z.number().int(),
    rate: z.number().nullable(),
    low: z.number(),
    high: z.number(),
    points: z.array(
      z.object({
        period: z.date(),
        invited: z.number().int(),
        answered: z.number().int(),
        rate: z.number().nullable(),
      }),
    ),
  }),
  closedLoop: z.object({
    followUps: z.number().int(),
    open: z.number().int(),
    contacted: z.number().int(),
    resolved: z.number().int(),
    rate: z.number().nullable().describe('Share of follow-ups resolved'),
  }),
})
export type AnalyticsView = z.infer<typeof AnalyticsView>

interface Agg {
  n: number
  sum: number
  sq: number
  good: number
  bad: number
}

function figure(kind: SurveyKind, a: Agg): z.infer<typeof Figure> {
  const mean = a.n ? a.sum / a.n : null
  if (kind === 'nps') return { n: a.n, ...npsWithInterval(a.good, a.bad, a.n), mean }
  if (kind === 'csat') {
    if (a.n === 0) return { n: 0, value: null, low: null, high: null, mean }
    const w = wilson(a.good, a.n)
    return { n: a.n, value: (100 * a.good) / a.n, low: 100 * w.low, high: 100 * w.high, mean }
  }
  return { n: a.n, ...meanWithInterval(a.sum, a.sq, a.n), mean }
}

const GROUP_COLUMN = { tier: 'r.tier', team: 'r.team_id', agent: 'r.agent_id', channel: 'r.channel' } as const

type Where = (eb: never) => Expression<SqlBool>

async function aggregate(
  db: Executor,
  workspaceId: string,
  q: z.infer<typeof AnalyticsQuery>,
  range: { from: Date; to: Date },
  segmentWhere: Where | null,
) {
  const good =
    q.kind === 'nps' ? sql`r.score >= 9` : q.kind === 'csat' ? sql`r.score >= 4` : sql`r.score <= 3`
  const bad = q.kind === 'nps' ? sql`r.score <= 6` : q.kind === 'csat' ? sql`r.score <= 2` : sql`r.score >= 5`
  const groupCol = q.by in GROUP_COLUMN ? sql.ref(GROUP_COLUMN[q.by as keyof typeof GROUP_COLUMN]) : sql`NULL`
  const segment = segmentWhere
    ? sql`AND r.customer_id IN (${db
        .selectFrom('customers as c')
        .select('c.id')
        .where('c.workspace_id', '=', workspaceId)
        .where(segmentWhere as never)})`
    : sql``
  const { rows } = await sql<{
    period: Date
    key: string | null
    n: string
    sum: string
    sq: string
    good: string
    bad: string
  }>`
    SELECT date_trunc(${q.interval}, r.answered_at, 'UTC') AS period, (${groupCol})::text AS key,
      count(*) AS n, sum(r.score) AS sum, sum(r.score * r.score) AS sq,
      count(*) FILTER (WHERE ${good}) AS good, count(*) FILTER (WHERE ${bad}) AS bad
    FROM survey_responses r
    WHERE r.workspace_id = ${workspaceId} AND r.kind = ${q.kind}
      AND r.answered_at >= ${range.from} AND r.answered_at < ${range.to} ${segment}
    GROUP BY 1, 2 ORDER BY 2, 1`.execute(db)
  return rows.map((r) => ({
    period: new Date(r.period),
    key: r.key,
    agg: { n: Number(r.n), sum: Number(r.sum), sq: Number(r.sq), good: Number(r.good), bad: Number(r.bad) },
  }))
}

const add = (a: Agg, b: Agg): Agg => ({
  n: a.n + b.n,
  sum: a.sum + b.sum,
  sq: a.sq + b.sq,
  good: a.good + b.good,
  bad: a.bad + b.bad,
})
const ZERO: Agg = { n: 0, sum: 0, sq: 0, good: 0, bad: 0 }

async function labels(db: Executor, workspaceId: string, by: string, keys: (string | null)[]) {
  const ids = keys.filter((k): k is string => k !== null && /^[0-9a-f-]{36}$/.test(k))
  const map = new Map<string, string>()
  if (ids.length && by === 'team') {
    for (const t of await db
      .selectFrom('service_teams')
      .select(['id', 'name'])
      .where('workspace_id', '=', workspaceId)
      .where('id', 'in', ids)
      .execute())
      map.set(t.id, t.name)
  }
  if (ids.length && by === 'agent') {
    for (const u of await db
      .selectFrom('users')
      .select(['id', 'name'])
      .where('workspace_id', '=', workspaceId)
      .where('id', 'in', ids)
      .execute())
      map.set(u.id, u.name)
  }
  return (key: string | null) => (key === null ? '(none)' : (map.get(key) ?? key))
}

/**
 * NPS, CSAT or CES over time, overall or by segment, value tier, team, agent or channel, with
 * 95 % intervals so a score from eight answers is not read like one from eight hundred; the
 * response rate by sending period; and the closed-loop rate.
 */
export async function feedbackAnalytics(
  db: Executor,
  workspaceId: string,
  query: AnalyticsQuery,
): Promise<AnalyticsView> {
  const q = AnalyticsQuery.parse(query)
  const to = q.to ? new Date(q.to) : new Date()
  const from = q.from ? new Date(q.from) : new Date(to.getTime() - 180 * 86_400_000)
  const range = { from, to }
  const base = q.segmentId
    ? ((await customerFilterExpression(
        db,
        workspaceId,
        (
          await getSegment(db, workspaceId, q.segmentId)
        ).filter,
      )) as Where)
    : null
  type Row = { period: Date; key: string | null; label: string; agg: Agg }
  let rows: Row[] = []
  if (q.by === 'segment') {
    const segments = (await listSegments(db, workspaceId)).slice(0, 20)
    for (const s of segments) {
      const where = (await customerFilterExpression(db, workspaceId, s.filter)) as Where
      for (const r of await aggregate(db, workspaceId, q, range, where))
        rows.push({ ...r, key: s.id, label: s.name })
    }
  } else {
    const raw = await aggregate(db, workspaceId, q, range, base)
    const label = await labels(
      db,
      workspaceId,
      q.by,
      raw.map((r) => r.key),
    )
    rows = raw.map((r) => ({ ...r, label: q.by === 'none' ? 'All' : label(r.key) }))
  }
  const groups = new Map<
    string,
    { key: string | null; label: string; total: Agg; points: { period: Date; agg: Agg }[] }
  >()
  let total = ZERO
  for (const r of rows) {
    const id = r.key ?? ''
    const g = groups.get(id) ?? { key: r.key, label: r.label, total: ZERO, points: [] }
    g.total = add(g.total, r.agg)
    g.points.push({ period: r.period, agg: r.agg })
    groups.set(id, g)
    total = add(total, r.agg)
  }
  const rate = await responseRate(db, workspaceId, q, range)
  const loop = await db
    .selectFrom('survey_responses')
    .select((eb) => [
      eb.fn.countAll<string>().as('all'),
      sql<string>`count(*) FILTER (WHERE loop_status = 'open')`.as('open'),
      sql<string>`count(*) FILTER (WHERE loop_status = 'contacted')`.as('contacted'),
      sql<string>`count(*) FILTER (WHERE loop_status = 'resolved')`.as('resolved'),
    ])
    .where('workspace_id', '=', workspaceId)
    .where('kind', '=', q.kind)
    .where('loop_status', 'is not', null)
    .where('answered_at', '>=', from)
    .where('answered_at', '<', to)
    .executeTakeFirstOrThrow()
  const followUps = Number(loop.all)
  return {
    kind: q.kind,
    interval: q.interval,
    by: q.by,
    total: figure(q.kind, q.by === 'segment' ? ZERO : total),
    groups: [...groups.values()].map((g) => ({
      key: g.key,
      label: g.label,
      total: figure(q.kind, g.total),
      points: g.points.map((p) => ({ period: p.period, ...figure(q.kind, p.agg) })),
    })),
    responseRate: rate,
    closedLoop: {
      followUps,
      open: Number(loop.open),
      contacted: Number(loop.contacted),
      resolved: Number(loop.resolved),
      rate: followUps ? Number(loop.resolved) / followUps : null,
    },
  }
}

async function responseRate(
  db: Executor,
  workspaceId: string,
  q: z.infer<typeof AnalyticsQuery>,
  range: { from: Date; to: Date },
) {
  const { rows } = await sql<{ period: Date; invited: string; answered: string }>`
    SELECT date_trunc(${q.interval}, i.sent_at, 'UTC') AS period, count(*) AS invited,
      count(*) FILTER (WHERE i.status = 'answered') AS answered
    FROM survey_invitations i JOIN surveys s ON s.workspace_id = i.workspace_id AND s.id = i.survey_id
    WHERE i.workspace_id = ${workspaceId} AND s.kind = ${q.kind} AND i.sent_at IS NOT NULL
      AND i.sent_at >= ${range.from} AND i.sent_at < ${range.to}
    GROUP BY 1 ORDER BY 1`.execute(db)
  const points = rows.map((r) => {
    const invited = Number(r.invited)
    const answered = Number(r.answered)
    return { period: new Date(r.period), invited, answered, rate: invited ? answered / invited : null }
  })
  const invited = points.reduce((s, p) => s + p.invited, 0)
  const answered = points.reduce((s, p) => s + p.answered, 0)
  const w = wilson(answered, invited)
  return { invited, answered, rate: invited ? answered / invited : null, low: w.low, high: w.high, points }
}
