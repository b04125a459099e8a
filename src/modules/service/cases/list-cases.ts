import { sql } from 'kysely'
import { z } from 'zod'
import type { Executor } from '../../../db/database.js'
import { decodeCursor, type Page, PageQuery, parseSort, toPage } from '../../../shared/pagination.js'
import { CASE_STATUSES, CaseChannel, CasePriority, type CaseStatus } from './case.constants.js'
import { type CaseView, selectCaseViews, toCaseView } from './case-view.js'

const csvOf = <T extends string>(values: readonly T[]) =>
  z
    .string()
    .max(300)
    .transform((s) =>
      s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(values as unknown as [T, ...T[]])))

export const ListCasesQuery = z.object({
  ...PageQuery.shape,
  status: csvOf(CASE_STATUSES).optional().describe('Comma-separated statuses'),
  team: z.uuid().optional(),
  assignee: z
    .union([z.uuid(), z.literal('none')])
    .optional()
    .describe('A user id, or none for unassigned'),
  customer: z.uuid().optional(),
  priority: CasePriority.optional(),
  channel: CaseChannel.optional(),
  category: z.string().max(60).optional(),
  tag: z.string().max(40).optional(),
  breached: z
    .enum(['true', 'false'])
    .optional()
    .describe('Only cases with (true) or without (false) a breach'),
  q: z.string().trim().max(200).optional().describe('A case number, or words of the subject'),
  sort: z
    .string()
    .max(40)
    .optional()
    .describe('number, opened_at, updated_at, next_due; prefix - for descending (default -number)'),
})
export type ListCasesQuery = z.infer<typeof ListCasesQuery>

/** Sort keys with the SQL type their cursor value is cast back to. */
const SORTS = {
  number: { expr: sql`c.number`, type: 'integer' },
  opened_at: { expr: sql`c.opened_at`, type: 'timestamptz' },
  updated_at: { expr: sql`c.updated_at`, type: 'timestamptz' },
  next_due: { expr: sql`coalesce(c.next_due_at, 'infinity'::timestamptz)`, type: 'timestamptz' },
} as const

export async function listCases(
  db: Executor,
  workspaceId: string,
  query: ListCasesQuery,
): Promise<Page<CaseView>> {
  const q = query
  const sort = q.sort
    ? parseSort(q.sort, Object.keys(SORTS) as (keyof typeof SORTS)[], 'number')
    : ({ field: 'number', direction: 'desc' } as const)
  const key = SORTS[sort.field]
  let qb = selectCaseViews(db, workspaceId).select(sql<string>`(${key.expr})::text`.as('sort_key'))
  if (q.status?.length) qb = qb.where('c.status', 'in', q.status as CaseStatus[])
  if (q.team) qb = qb.where('c.team_id', '=', q.team)
  if (q.assignee === 'none') qb = qb.where('c.assignee_id', 'is', null)
  else if (q.assignee) qb = qb.where('c.assignee_id', '=', q.assignee)
  if (q.customer) qb = qb.where('c.customer_id', '=', q.customer)
  if (q.priority) qb = qb.where('c.priority', '=', q.priority)
  if (q.channel) qb = qb.where('c.channel', '=', q.channel)
  if (q.category) qb = qb.where(sql`lower(c.category)`, '=', q.category.toLowerCase())
  if (q.tag) qb = qb.where(sql<boolean>`${q.tag} = ANY(c.tags)`)
  if (q.breached) qb = qb.where(sql`cardinality(c.sla_breached) > 0`, '=', q.breached === 'true')
  if (q.q) {
    const n = /^#?(\d{1,9})$/.exec(q.q)?.[1]
    qb = n
      ? qb.where('c.number', '=', Number(n))
      : qb.where('c.subject', 'ilike', `%${q.q.replace(/[\\%_]/g, '\\$&')}%`)
  }
  if (q.cursor) {
    const [value, id] = decodeCursor(q.cursor, 2)
    const op = sql.raw(sort.direction === 'asc' ? '>' : '<')
    qb = qb.where(
      sql<boolean>`(${key.expr}, c.id) ${op} (CAST(${value} AS ${sql.raw(key.type)}), CAST(${id} AS uuid))`,
    )
  }
  const rows = await qb
    .orderBy(key.expr, sort.direction)
    .orderBy('c.id', sort.direction)
    .limit(q.limit + 1)
    .execute()
  return toPage(rows, q.limit, (r) => [r.sort_key, r.id], toCaseView)
}
