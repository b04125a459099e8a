import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely'
import { z } from 'zod'
import type { DB, Executor } from '../../db/database.js'
import { CustomersError } from './customers.errors.js'
import { CustomerKind, LifecycleStage } from './customers.schemas.js'

const Decimal = z.string().regex(/^\d{1,16}(\.\d{1,2})?$/, 'a decimal amount such as 100 or 99.50')
const DateOrInstant = z
  .union([z.iso.date(), z.iso.datetime({ offset: true })])
  .describe('A date (midnight in the workspace time zone) or an ISO 8601 instant')

export const AttributeCondition = z.object({
  key: z.string().min(1).max(63),
  op: z.enum(['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'contains', 'exists', 'missing']).default('eq'),
  value: z.union([z.string().max(500), z.number(), z.boolean()]).optional(),
})

/**
 * What the customer list, saved segments and counts filter on. Conditions combine with AND;
 * lists inside one condition (stages, tiers, countries) match any of their values.
 */
export const CustomerFilter = z
  .object({
    q: z
      .string()
      .trim()
      .max(200)
      .optional()
      .describe('Typo-tolerant search: name, email, phone, external id'),
    kind: CustomerKind.optional(),
    stages: z.array(LifecycleStage).max(10).optional(),
    tiers: z
      .array(z.string().max(40))
      .max(20)
      .optional()
      .describe('Value tiers; "none" matches customers without one'),
    tags: z.array(z.string().max(60)).max(20).optional().describe('Customers carrying all of these tags'),
    countries: z.array(z.string().max(2)).max(50).optional(),
    languages: z.array(z.string().max(10)).max(20).optional(),
    ownerId: z.union([z.uuid(), z.literal('none')]).optional(),
    organisationId: z.uuid().optional(),
    revenueMin: Decimal.optional(),
    revenueMax: Decimal.optional(),
    ordersMin: z.number().int().min(0).optional(),
    ordersMax: z.number().int().min(0).optional(),
    lastPurchaseAfter: DateOrInstant.optional(),
    lastPurchaseBefore: DateOrInstant.optional(),
    neverPurchased: z.boolean().optional(),
    createdAfter: DateOrInstant.optional(),
    createdBefore: DateOrInstant.optional(),
    attributes: z.array(AttributeCondition).max(20).optional(),
  })
  .strict()
export type CustomerFilter = z.infer<typeof CustomerFilter>

type Eb = ExpressionBuilder<DB & { c: DB['customers'] }, 'c'>

/** A date means midnight in the workspace's own time zone; an instant is taken as it is. */
function instant(workspaceId: string, value: string) {
  return value.length === 10
    ? sql`(${value}::date::timestamp AT TIME ZONE (SELECT timezone FROM workspaces WHERE id = ${workspaceId}))`
    : sql`${value}::timestamptz`
}

/** Lower-cased search text as stored in customers.search_text; phones match by their digits. */
export function searchTerm(q: string): string {
  const trimmed = q.trim().toLowerCase()
  return /^[+\d\s().-]{5,}$/.test(trimmed) ? trimmed.replace(/(?!^\+)\D/g, '') : trimmed
}

/**
 * What a search term matches at once, through plain indexes: an email, a phone number, an
 * external id, the start of a name, or all the words of a name in any order.
 */
export function exactMatch(q: string): Expression<SqlBool> {
  const raw = q.trim()
  const term = searchTerm(raw)
  const words = term.split(/\s+/).filter(Boolean)
  const parts = [
    sql<SqlBool>`c.external_id = ${raw}`,
    sql<SqlBool>`lower(c.name) LIKE ${`${escapeLike(term)}%`}`,
    sql<SqlBool>`centric_name_words(c.name) @> ${sql.val(words)}::text[]`,
  ]
  if (term.includes('@')) parts.push(sql<SqlBool>`c.emails @> ARRAY[${term}]::text[]`)
  if (/^\+?\d{3,}$/.test(term)) parts.push(sql<SqlBool>`c.phones @> ARRAY[${term}]::text[]`)
  return sql<SqlBool>`(${sql.join(parts, sql` OR `)})`
}

/**
 * What a search term matches through the trigram index: any fragment (part of an email or a
 * phone) and, for terms without digits, misspelled names by word similarity. Terms with digits
 * (ids, phones) match as fragments only: K-1001 is not a typo of K-1003.
 */
export function fuzzyMatch(q: string): Expression<SqlBool> {
  const term = searchTerm(q)
  const like = sql<SqlBool>`c.search_text LIKE ${`%${escapeLike(term)}%`}`
  return /\d/.test(term) ? like : sql<SqlBool>`(${like} OR ${term} <% c.search_text)`
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`)

/**
 * Compiles a filter into one WHERE expression over `customers as c`. Attribute conditions are
 * checked against the workspace's definitions so that a number compares as a number.
 */
export async function customerFilterExpression(
  db: Executor,
  workspaceId: string,
  filter: CustomerFilter,
): Promise<(eb: Eb) => Expression<SqlBool>> {
  const attributeTypes = new Map<string, string>()
  if (filter.attributes?.length) {
    const defs = await db
      .selectFrom('attribute_definitions')
      .select(['key', 'type'])
      .where('workspace_id', '=', workspaceId)
      .execute()
    for (const d of defs) attributeTypes.set(d.key, d.type)
    const unknown = filter.attributes.filter((a) => !attributeTypes.has(a.key))
    if (unknown.length) {
      throw new CustomersError('INVALID_FILTER', 'unknown custom attribute', {
        fields: unknown.map((a) => ({ path: `attributes.${a.key}`, message: 'no such attribute' })),
      })
    }
  }
  return (eb) => {
    const all: Expression<SqlBool>[] = []
    const f = filter
    if (f.q) all.push(eb.or([exactMatch(f.q), fuzzyMatch(f.q)]))
    if (f.kind) all.push(eb('c.kind', '=', f.kind))
    if (f.stages?.length) all.push(eb('c.lifecycle_stage', 'in', f.stages))
    if (f.tiers?.length) {
      const named = f.tiers.filter((t) => t !== 'none')
      const parts: Expression<SqlBool>[] = []
      if (named.length) parts.push(eb('c.tier', 'in', named))
      if (named.length < f.tiers.length) parts.push(eb('c.tier', 'is', null))
      all.push(eb.or(parts))
    }
    if (f.tags?.length) all.push(sql<SqlBool>`c.tags @> ${sql.val(f.tags)}::text[]`)
    if (f.countries?.length)
      all.push(
        eb(
          'c.country',
          'in',
          f.countries.map((c) => c.toUpperCase()),
        ),
      )
    if (f.languages?.length) all.push(eb('c.language', 'in', f.languages))
    if (f.ownerId === 'none') all.push(eb('c.owner_id', 'is', null))
    else if (f.ownerId) all.push(eb('c.owner_id', '=', f.ownerId))
    if (f.organisationId) all.push(eb('c.organisation_id', '=', f.organisationId))
    if (f.revenueMin !== undefined) all.push(sql<SqlBool>`c.revenue >= ${f.revenueMin}::numeric`)
    if (f.revenueMax !== undefined) all.push(sql<SqlBool>`c.revenue <= ${f.revenueMax}::numeric`)
    if (f.ordersMin !== undefined) all.push(eb('c.orders_count', '>=', f.ordersMin))
    if (f.ordersMax !== undefined) all.push(eb('c.orders_count', '<=', f.ordersMax))
    if (f.lastPurchaseAfter)
      all.push(sql<SqlBool>`c.last_purchase_at >= ${instant(workspaceId, f.lastPurchaseAfter)}`)
    if (f.lastPurchaseBefore)
      all.push(sql<SqlBool>`c.last_purchase_at < ${instant(workspaceId, f.lastPurchaseBefore)}`)
    if (f.neverPurchased !== undefined)
      all.push(
        f.neverPurchased ? eb('c.last_purchase_at', 'is', null) : eb('c.last_purchase_at', 'is not', null),
      )
    if (f.createdAfter) all.push(sql<SqlBool>`c.created_at >= ${instant(workspaceId, f.createdAfter)}`)
    if (f.createdBefore) all.push(sql<SqlBool>`c.created_at < ${instant(workspaceId, f.createdBefore)}`)
    for (const a of f.attributes ?? []) all.push(attributeCondition(a, attributeTypes.get(a.key) ?? 'text'))
    return eb.and(all)
  }
}

/**
 * The filter's country, stage and tag conditions as one test on the facets index (migration
 * 0080), or undefined when it has none. Added beside the plain conditions where matches are
 * known to be rare, so that the index intersects them; never alone, and never row by row.
 */
export function facetCondition(workspaceId: string, f: CustomerFilter): Expression<SqlBool> | undefined {
  const word = (kind: string, v: string) => `${workspaceId} ${kind} ${v}`
  const countries = (f.countries ?? []).map((c) => word('country', c.toUpperCase()))
  const stages = (f.stages ?? []).map((s) => word('stage', s))
  const all = [...(f.tags ?? []).map((t) => word('tag', t))]
  const any: string[][] = []
  for (const words of [countries, stages]) {
    if (words.length === 1) all.push(words[0]!)
    else if (words.length > 1) any.push(words)
  }
  if (all.length === 0 && any.length === 0) return undefined
  const facets = sql`centric_customer_facets(c.workspace_id, c.country, c.lifecycle_stage, c.tags)`
  const tests = [
    ...(all.length ? [sql<SqlBool>`${facets} @> ${sql.val(all)}::text[]`] : []),
    ...any.map((words) => sql<SqlBool>`${facets} && ${sql.val(words)}::text[]`),
  ]
  return sql<SqlBool>`(${sql.join(tests, sql` AND `)})`
}

function attributeCondition(a: z.infer<typeof AttributeCondition>, type: string): Expression<SqlBool> {
  const key = a.key
  if (a.op === 'exists') return sql<SqlBool>`c.attributes ? ${key}`
  if (a.op === 'missing') return sql<SqlBool>`NOT (c.attributes ? ${key})`
  if (a.value === undefined) {
    throw new CustomersError('INVALID_FILTER', `attribute condition ${a.op} needs a value`, {
      fields: [{ path: `attributes.${key}.value`, message: 'required for this operator' }],
    })
  }
  const value = a.value
  if (a.op === 'contains') {
    if (type === 'multiselect')
      return sql<SqlBool>`c.attributes @> ${JSON.stringify({ [key]: [value] })}::jsonb`
    return sql<SqlBool>`c.attributes->>${key} ILIKE ${`%${escapeLike(String(value))}%`}`
  }
  if (a.op === 'eq') return sql<SqlBool>`c.attributes @> ${JSON.stringify({ [key]: value })}::jsonb`
  if (a.op === 'neq') return sql<SqlBool>`NOT (c.attributes @> ${JSON.stringify({ [key]: value })}::jsonb)`
  const op = sql.raw({ gt: '>', gte: '>=', lt: '<', lte: '<=' }[a.op])
  if (type === 'number') {
    if (typeof value !== 'number' && !/^-?\d+(\.\d+)?$/.test(String(value))) {
      throw new CustomersError('INVALID_FILTER', `attribute ${key} is a number`, {
        fields: [{ path: `attributes.${key}.value`, message: 'a number' }],
      })
    }
    return sql<SqlBool>`(c.attributes->>${key})::numeric ${op} ${String(value)}::numeric`
  }
  // Dates are stored as ISO strings (YYYY-MM-DD), which order as text.
  return sql<SqlBool>`c.attributes->>${key} ${op} ${String(value)}`
}
