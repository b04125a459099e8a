import { sql } from 'kysely'
import { z } from 'zod'
import type { Executor } from '../../../db/database.js'
import { decodeCursor, encodeCursor, type Page, PageQuery } from '../../../shared/pagination.js'
import { getCustomer } from '../find-customers.js'
import { timelineSources } from './timeline-sources.js'

export const TimelineItem = z.object({
  id: z.string(),
  source: z.string().describe('The module the event comes from'),
  type: z.string(),
  occurredAt: z.date(),
  summary: z.string(),
  data: z.record(z.string(), z.unknown()),
})
export type TimelineItem = z.infer<typeof TimelineItem>

const csv = z
  .string()
  .max(500)
  .transform((s) =>
    s
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean),
  )

export const TimelineQuery = z.object({
  ...PageQuery.shape,
  types: csv.optional().describe('Comma-separated event types; a trailing * matches a prefix (purchase.*)'),
  sources: csv.optional().describe('Comma-separated sources (purchases, events, cases, ...)'),
  since: z.iso.datetime({ offset: true }).optional(),
  until: z.iso.datetime({ offset: true }).optional(),
})
export type TimelineQuery = z.infer<typeof TimelineQuery>

/**
 * A customer's timeline, newest first: every registered source's events merged into one stream
 * with keyset pagination on (occurred_at, id). Each source is limited and ordered on its own
 * first, so one index range per source answers a page however long the history.
 */
export async function listTimeline(
  db: Executor,
  workspaceId: string,
  customerId: string,
  query: TimelineQuery,
): Promise<Page<TimelineItem>> {
  const q = query
  await getCustomer(db, workspaceId, customerId)
  const sources = timelineSources().filter((s) => !q.sources?.length || q.sources.includes(s.name))
  if (sources.length === 0) return { items: [], nextCursor: null }
  const cursor = q.cursor ? decodeCursor(q.cursor, 2) : undefined
  const conditions = [sql`true`]
  if (cursor) conditions.push(sql`(s.occurred_at, s.id) < (CAST(${cursor[0]} AS timestamptz), ${cursor[1]})`)
  if (q.since) conditions.push(sql`s.occurred_at >= ${q.since}::timestamptz`)
  if (q.until) conditions.push(sql`s.occurred_at < ${q.until}::timestamptz`)
  if (q.types?.length) {
    const exact = q.types.filter((t) => !t.endsWith('*'))
    const prefixes = q.types
      .filter((t) => t.endsWith('*'))
      .map((t) => `${t.slice(0, -1).replace(/[\\%_]/g, '\\$&')}%`)
    conditions.push(
      sql`(s.type = ANY(${sql.val(exact)}::text[]) OR s.type LIKE ANY(${sql.val(prefixes)}::text[]))`,
    )
  }
  const where = sql.join(conditions, sql` AND `)
  const branches = sources.map(
    (
      source,
    ) => sql`(SELECT ${source.name}::text AS source, s.* FROM (${source.select(workspaceId, customerId)}) s
      WHERE ${where} ORDER BY s.occurred_at DESC, s.id DESC LIMIT ${q.limit + 1})`,
  )
  const rows = (
    await sql<{
      source: string
      id: string
      occurred_at: Date
      type: string
      summary: string
      data: Record<string, unknown>
      cursor_at: string
    }>`
      SELECT t.*, t.occurred_at::text AS cursor_at FROM (${sql.join(branches, sql` UNION ALL `)}) t
      ORDER BY t.occurred_at DESC, t.id DESC LIMIT ${q.limit + 1}`.execute(db)
  ).rows
  const more = rows.length > q.limit
  const page = more ? rows.slice(0, q.limit) : rows
  const last = page[page.length - 1]
  return {
    items: page.map((r) => ({
      id: r.id,
      source: r.source,
      type: r.type,
      occurredAt: r.occurred_at,
      summary: r.summary,
      data: r.data,
    })),
    nextCursor: more && last ? encodeCursor([last.cursor_at, last.id]) : null,
  }
}
