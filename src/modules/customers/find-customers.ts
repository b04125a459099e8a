import { type Expression, type RawBuilder, type SqlBool, sql } from 'kysely'
import { z } from 'zod'
import type { Executor } from '../../db/database.js'
import { isUuid } from '../../db/ids.js'
import { decodeCursor, type Page, PageQuery, parseSort, toPage } from '../../shared/pagination.js'
import {
  CustomerFilter,
  customerFilterExpression,
  exactMatch,
  facetCondition,
  fuzzyMatch,
  searchTerm,
} from './customer-filter.js'
import { type CustomerRow, selectCustomers, toCustomerView } from './customer-queries.js'
import { CustomersError } from './customers.errors.js'
import type { CustomerView } from './customers.schemas.js'
import { correctNameWords } from './name-words.js'

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
/** Customers carrying the corrected words all match the query about as well: fewer need ranking. */
const CORRECTED_CANDIDATES = 200
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
          // Name words are corrected by plain similarity: "brwon" shares a fifth of its trigrams
          // with "brown". The word list is short, so a low threshold stays cheap.
          await sql`SET LOCAL pg_trgm.similarity_threshold = 0.2`.execute(trx)
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
  const dir = sql.raw(sort.direction === 'asc' ? 'ASC' : 'DESC')
  const after = cursor ? decodeCursor(cursor, 2) : undefined
  const afterCursor = after
    ? sql<boolean>`(${key.expr}, c.id) ${sql.raw(sort.direction === 'asc' ? '>' : '<')} (CAST(${after[0]} AS ${sql.raw(key.type)}), CAST(${after[1]} AS uuid))`
    : sql<boolean>`true`
  const page = (trx: Executor, facets?: Expression<SqlBool>) =>
    selectCustomers(trx, workspaceId)
      .select(sql<string>`(${key.expr})::text`.as('sort_key'))
      .where(where)
      .$if(facets !== undefined, (qb) => qb.where(facets!))
      .where(afterCursor)
      .orderBy(sql`${key.expr} ${dir}`)
      .orderBy('c.id', sort.direction)
      .limit(limit + 1)
      .execute()
  let rows: (CustomerRow & { sort_key: string })[] | undefined
  if (!term && isFiltered(filter)) {
    rows = await pageFromTheFront(db, workspaceId, where, afterCursor, key.expr, sort.direction, limit)
    // Matches are rare at the front of the order: collect them all through the filter's own
    // indexes and sort them, instead of walking the order index past every row that fails.
    const facets = facetCondition(workspaceId, filter)
    rows ??= await db.transaction().execute(async (trx) => {
      await sql`SET LOCAL enable_indexscan = off`.execute(trx)
      // A page's worth of rows: workers would cost more to start than they save.
      await sql`SET LOCAL max_parallel_workers_per_gather = 0`.execute(trx)
      return page(trx, facets)
    })
  } else {
    rows = await inSearch(page)
  }
  return toPage(
    rows,
    limit,
    (r) => [r.sort_key, r.id],
    (r: CustomerRow) => toCustomerView(r),
  )
}

/** Rows the list walks in order before it concludes that a filter's matches are rare. */
const FRONT_WINDOW = 10_000

function isFiltered(filter: CustomerFilter): boolean {
  return Object.entries(filter).some(
    ([k, v]) => k !== 'q' && v !== undefined && !(Array.isArray(v) && !v.length),
  )
}

/**
 * A filtered page from the first FRONT_WINDOW customers in list order, or undefined when fewer
 * than a page of them match. Walking the order index and testing each row is the fastest plan when
 * matches are common, and the planner picks it from its estimates; when two conditions rarely hold
 * together (it assumes they are independent) the walk would read the whole table to fill the page.
 * The window bounds that walk: matches found in it are exactly the first ones in order.
 */
async function pageFromTheFront(
  db: Executor,
  workspaceId: string,
  where: Where,
  afterCursor: RawBuilder<boolean>,
  keyExpr: RawBuilder<unknown>,
  direction: 'asc' | 'desc',
  limit: number,
): Promise<(CustomerRow & { sort_key: string })[] | undefined> {
  const dir = sql.raw(direction === 'asc' ? 'ASC' : 'DESC')
  // The key leaves the window as a column, so the outer query sees the window's order and stops
  // at the page's last match instead of sorting the whole window.
  const front = db
    .selectFrom('customers as c')
    .selectAll('c')
    .select(sql<unknown>`${keyExpr}`.as('front_key'))
    .where('c.workspace_id', '=', workspaceId)
    .where(afterCursor)
    .orderBy(sql`${keyExpr} ${dir}`)
    .orderBy('c.id', direction)
    .limit(FRONT_WINDOW)
  const hits = await db
    .selectFrom(front.as('c'))
    .select('c.id')
    .where(where)
    .orderBy(sql`c.front_key ${dir}`)
    .orderBy('c.id', direction)
    .limit(limit + 1)
    .execute()
  if (hits.length <= limit) return undefined
  return selectCustomers(db, workspaceId)
    .select(sql<string>`(${keyExpr})::text`.as('sort_key'))
    .where(
      'c.id',
      'in',
      hits.map((h) => h.id),
    )
    .orderBy(sql`${keyExpr} ${dir}`)
    .orderBy('c.id', direction)
    .execute()
}

type Where = Awaited<ReturnType<typeof customerFilterExpression>>

/**
 * Best matches first, in three tiers. Exact matches (an email, a phone, an external id, the start
 * of a name, all words of a name) come from plain indexes and are ordered by name. Then, for a
 * name-like query, the customers carrying a likely meaning of every word (corrected against the
 * workspace's name words, see name-words.ts), ranked by word similarity. Last, and only when the
 * tiers before found nothing or the query is not name-like, the trigram index looks for
 * fragments anywhere in a name, email, phone or id. The two ranked tiers rank at most the first
 * RELEVANCE_CANDIDATES matches, because ranking every match of a very common word would cost a
 * similarity computation per row.
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
  const tier = after ? Number(after[0]) : 0
  const rows: (CustomerRow & { match_tier: number; sort_key: string })[] = []
  const notExact = sql<boolean>`NOT coalesce(${exactMatch(q)}, false)` // a null external id makes the OR unknown
  const score = sql`word_similarity(${searchTerm(q)}, c.search_text)`
  const ranked = async (tierNo: number, match: Expression<SqlBool>, candidates: number) => {
    // Ranked where the candidates are read, so only the page's rows are joined and returned.
    const page = db
      .selectFrom(
        db
          .selectFrom('customers as c')
          .select(['c.id', sql<number>`${score}`.as('score')])
          .where('c.workspace_id', '=', workspaceId)
          .where(rest)
          .where(match)
          .where(notExact)
          .limit(candidates)
          .as('m'),
      )
      .select('m.id')
      .where(
        tier === tierNo && after
          ? sql<boolean>`(m.score, m.id) < (CAST(${after[1]} AS real), CAST(${after[2]} AS uuid))`
          : sql<boolean>`true`,
      )
      .orderBy('m.score', 'desc')
      .orderBy('m.id', 'desc')
      .limit(limit + 1 - rows.length)
    const found = await selectCustomers(db, workspaceId)
      .select(sql<string>`(${score})::text`.as('sort_key'))
      .where('c.id', 'in', page)
      .orderBy(sql`${score} DESC`)
      .orderBy('c.id', 'desc')
      .execute()
    rows.push(...found.map((r) => ({ ...r, match_tier: tierNo })))
  }

  if (tier === 0) {
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
  const corrected = await correctNameWords(db, workspaceId, searchTerm(q))
  if (corrected && tier <= 1 && rows.length <= limit) {
    const carriesAll = sql.join(
      corrected.map((words) => sql`centric_name_words(c.name) && ${sql.val(words)}::text[]`),
      sql` AND `,
    )
    await ranked(1, sql<SqlBool>`(${carriesAll})`, CORRECTED_CANDIDATES)
  }
  // A hit on an email, phone or id is what the user typed, and a name-like query answered by the
  // tiers above means those names: fragments would only be noise (and cost the most).
  const answered = rows.length > 0 && (corrected !== undefined || /[\d@]/.test(q))
  if (rows.length <= limit && !(tier < 2 && answered) && !(tier === 1 && corrected)) {
    await ranked(2, fuzzyMatch(q), RELEVANCE_CANDIDATES)
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
