import { type RawBuilder, sql } from 'kysely'
import { z } from 'zod'
import type { Executor } from '../../db/database.js'
import { isUuid } from '../../db/ids.js'
import { decodeCursor, type Page, PageQuery, parseSort, toPage } from '../../shared/pagination.js'
import { CustomerFilter, customerFilterExpression, searchTerm } from './customer-filter.js'
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
function sortKey(field: SortField, term: string | undefined): { expr: RawBuilder<unknown>; type: string } {
  switch (field) {
    case 'relevance':
      return { expr: sql`word_similarity(${term ?? ''}, c.search_text)`, type: 'real' }
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
  const key = sortKey(sort.field, term)
  const where = await customerFilterExpression(db, workspaceId, filter)
  const run = async (trx: Executor) => {
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
  }
  // Misspellings match through word similarity; 0.5 finds "Jonh Smiht" without drowning the
  // list in near misses. SET LOCAL keeps the setting to this one query's transaction.
  const rows = term
    ? await db.transaction().execute(async (trx) => {
        await sql`SET LOCAL pg_trgm.word_similarity_threshold = 0.5`.execute(trx)
        return run(trx)
      })
    : await run(db)
  return toPage(
    rows,
    limit,
    (r) => [r.sort_key, r.id],
    (r: CustomerRow) => toCustomerView(r),
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
      return count(trx)
    }),
  )
}
