import { type RawBuilder, sql } from 'kysely'
import { z } from 'zod'
import type { Executor } from '../../db/database.js'
import { isUuid } from '../../db/ids.js'
import { decodeCursor, type Page, PageQuery, parseSort, toPage } from '../../shared/pagination.js'
import {
  CustomerFilter,
  customerFilterExpression,
  exactMatch,
  fuzzyMatch,
  searchTerm,
} from './customer-filter.js'
import { type CustomerRow, selectCustomers, toCustomerView } from './customer-queries.js'
import { CustomersError } from './customers.errors.js'
import type { CustomerView } from './customers.schemas.js'

export async function getCustomer(
  db: Executor,
  workspaceId: string,
  customerId: string,
  opts: { forUpdate?: boolean } = {},
): Promise<CustomerView> {
  // A malformed id is just an id that does not exist here.
  let qb = selectCustomers(db, workspaceId).where('c.id', '=', isUuid(customerId) ? customerId : null)
  if (opts.forUpdate) qb = qb.forUpdate('c')
  const row = isUuid(customerId) ? await qb.executeTakeFirst() : undefined
  if (!row) throw new CustomersError('CUSTOMER_NOT_FOUND', `customer ${customerId} not found`)
  return toCustomerView(row)
}

const RELEVANCE_CANDIDATES = 1000
/** Exact matches are equally good; a name shared by more people than this needs another word. */
const EXACT_CANDIDATES = 200

export const CUSTOMER_SORTS = [
  'relevance',
  'name',
  'created_at',
  'revenue',
  'last_purchase_at',
  'orders_count',
] as const
type SortField = (typeof CUSTOMER_SORTS)[number]

/** Sort keys with the SQL type their cursor value is cast back to. */
function sortKey(field: Exclude<SortField, 'relevance'>): { expr: RawBuilder<unknown>; type: string } {
  switch (field) {
    case 'name':
      return { expr: sql`c.name`, type: 'text' }
    case 'created_at':
      return { expr: sql`c.id`, type: 'uuid' } // UUIDv7: id order is creation order
    case 'revenue':
      return { expr: sql`c.revenue`, type: 'numeric' }
    case 'last_purchase_at':
      return { expr: sql`coalesce(c.last_purchase_at, '-infinity'::timestamptz)`, type: 'timestamptz' }
    case 'orders_count':
      return { expr: sql`c.orders_count`, type: 'integer' }
  }
}

export const SearchCustomersInput = z.object({
  filter: CustomerFilter.default({}),
  sort: z
    .string()
    .max(40)
    .optional()
    .describe(
      `${CUSTOMER_SORTS.join(', ')}; prefix - for descending. Default: relevance with q, else -created_at`,
    ),
  limit: PageQuery.shape.limit,
  cursor: PageQuery.shape.cursor,
})
export type SearchCustomersInput = z.input<typeof SearchCustomersInput>

/**
 * One page of customers matching a filter, in a stable order with keyset pagination. With a
 * search term the default order is relevance (best match first), otherwise newest first.
 */
export async function searchCustomers(
  db: Executor,
  workspaceId: string,
  input: SearchCustomersInput,
): Promise<Page<CustomerView>> {
  const { filter, sort: sortParam, limit, cursor } = SearchCustomersInput.parse(input)
  const term = filter.q ? searchTerm(filter.q) : undefined
  const sort = sortParam
    ? parseSort(sortParam, CUSTOMER_SORTS, 'created_at')
    : ({ field: term ? 'relevance' : 'created_at', direction: 'desc' } as const)
  if (sort.field === 'relevance' && !term)
    throw new CustomersError('INVALID_FILTER', 'relevance order needs a search term', {
      fields: [{ path: 'sort', message: 'relevance needs filter.q' }],
    })
  const inSearch = <T>(fn: (trx: Executor) => Promise<T>) =>
    term
      ? db.transaction().execute(async (trx) => {
          // Misspellings match through word similarity; 0.5 finds "Jonh Smiht" without drowning
          // the list in near misses. The planner prices the similarity test far too cheap and may
          // scan the whole table evaluating it on every row; the indexes are always the better path.
          await sql`SET LOCAL pg_trgm.word_similarity_threshold = 0.5`.execute(trx)
          await sql`SET LOCAL enable_seqscan = off`.execute(trx)
          return fn(trx)
        })
      : fn(db)
  if (sort.field === 'relevance' && filter.q) {
    const q = filter.q
    const rest = await customerFilterExpression(db, workspaceId, { ...filter, q: undefined })
    return inSearch((trx) => relevancePage(trx, workspaceId, q, rest, limit, cursor))
  }
  const key = sortKey(sort.field as Exclude<SortField, 'relevance'>)
  const where = await customerFilterExpression(db, workspaceId, filter)
  const rows = await inSearch(async (trx) => {
    let qb = selectCustomers(trx, workspaceId)
      .select(sql<string>`(${key.expr})::text`.as('sort_key'))
      .where(where)
    if (cursor) {
      const [value, id] = decodeCursor(cursor, 2)
      const op = sql.raw(sort.direction === 'asc' ? '>' : '<')
      qb = qb.where(
        sql<boolean>`(${key.expr}, c.id) ${op} (CAST(${value} AS ${sql.raw(key.type)}), CAST(${id} AS uuid))`,
      )
    }
    const dir = sort.direction === 'asc' ? sql.raw('ASC') : sql.raw('DESC')
    return qb
      .orderBy(sql`${key.expr} ${dir}`)
      .orderBy('c.id', sort.direction)
      .limit(limit + 1)
      .execute()
  })
  return toPage(
    rows,
    limit,
    (r) => [r.sort_key, r.id],
    (r: CustomerRow) => toCustomerView(r),
  )
}

type Where = Awaited<ReturnType<typeof customerFilterExpression>>

/**
 * Best matches first, in two tiers. Exact matches (an email, a phone, an external id, the start
 * of a name, all words of a name) come from plain indexes and are ordered by name. Only when they
 * do not fill the page does the trigram index look for fragments and misspellings, ranked by word
 * similarity — over the first RELEVANCE_CANDIDATES of them, because ranking every match of a
 * very common fragment would cost a similarity computation per row.
 */
async function relevancePage(
  db: Executor,
  workspaceId: string,
  q: string,
  rest: Where,
  limit: number,
  cursor: string | undefined,
): Promise<Page<CustomerView>> {
  const after = cursor ? decodeCursor(cursor, 3) : undefined
  const rows: (CustomerRow & { match_tier: number; sort_key: string })[] = []
  if (!after || after[0] === 0) {
    // Through a subquery, so the planner looks the matches up first instead of walking the
    // whole name index in order and testing every row.
    let qb = selectCustomers(db, workspaceId)
      .select(sql<string>`c.name`.as('sort_key'))
      .where('c.id', 'in', (eb) =>
        eb
          .selectFrom('customers as c')
          .select('c.id')
          .where('c.workspace_id', '=', workspaceId)
          .where(rest)
          .where(exactMatch(q))
          .limit(EXACT_CANDIDATES),
      )
    if (after) qb = qb.where(sql<boolean>`(c.name, c.id) > (${after[1]}, CAST(${after[2]} AS uuid))`)
    const exact = await qb
      .orderBy('c.name')
      .orderBy('c.id')
      .limit(limit + 1)
      .execute()
    rows.push(...exact.map((r) => ({ ...r, match_tier: 0 })))
  }
  // A hit on an email, phone or id is what the user typed; fragments of it would only be noise.
  const exactIsEnough = rows.length > 0 && /[\d@]/.test(q)
  if (rows.length <= limit && !exactIsEnough) {
    const score = sql`word_similarity(${searchTerm(q)}, c.search_text)`
    let qb = selectCustomers(db, workspaceId)
      .select(sql<string>`(${score})::text`.as('sort_key'))
      .where('c.id', 'in', (eb) =>
        eb
          .selectFrom('customers as c')
          .select('c.id')
          .where('c.workspace_id', '=', workspaceId)
          .where(rest)
          .where(fuzzyMatch(q))
          // coalesce: a null external id makes the OR unknown, and NOT unknown drops the row.
          .where(sql<boolean>`NOT coalesce(${exactMatch(q)}, false)`)
          .limit(RELEVANCE_CANDIDATES),
      )
    if (after?.[0] === 1)
      qb = qb.where(sql<boolean>`(${score}, c.id) < (CAST(${after[1]} AS real), CAST(${after[2]} AS uuid))`)
    const fuzzy = await qb
      .orderBy(sql`${score} DESC`)
      .orderBy('c.id', 'desc')
      .limit(limit + 1 - rows.length)
      .execute()
    rows.push(...fuzzy.map((r) => ({ ...r, match_tier: 1 })))
  }
  return toPage(
    rows,
    limit,
    (r) => [r.match_tier, r.sort_key, r.id],
    (r) => toCustomerView(r),
  )
}

/** How many customers match a filter (for segment counts and list headers). */
export async function countCustomers(
  db: Executor,
  workspaceId: string,
  filter: CustomerFilter,
): Promise<number> {
  const where = await customerFilterExpression(db, workspaceId, CustomerFilter.parse(filter))
  const count = async (trx: Executor) =>
    (
      await trx
        .selectFrom('customers as c')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('c.workspace_id', '=', workspaceId)
        .where(where)
        .executeTakeFirstOrThrow()
    ).n
  if (!filter.q) return Number(await count(db))
  return Number(
    await db.transaction().execute(async (trx) => {
      await sql`SET LOCAL pg_trgm.word_similarity_threshold = 0.5`.execute(trx)
      await sql`SET LOCAL enable_seqscan = off`.execute(trx)
      return count(trx)
    }),
  )
}
