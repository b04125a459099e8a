import { z } from 'zod'
import type { Executor } from '../../db/database.js'
import { PageQuery } from '../../shared/pagination.js'
import type { CustomerFilter } from './customer-filter.js'
import { CustomerKind } from './customers.schemas.js'
import { segmentFilter } from './segments.js'

const list = z
  .string()
  .max(1000)
  .transform((s) =>
    s
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean),
  )

/** The customer list's query string: the common filters flat, for links and scripts. */
export const ListCustomersQuery = z.object({
  ...PageQuery.shape,
  q: z.string().max(200).optional().describe('Typo-tolerant search on name, email, phone, external id'),
  kind: CustomerKind.optional(),
  stage: list.optional().describe('Comma-separated lifecycle stages'),
  tier: list.optional().describe('Comma-separated value tiers ("none" for customers without)'),
  tag: list.optional().describe('Comma-separated tags, all required'),
  country: list.optional().describe('Comma-separated ISO country codes'),
  owner: z.union([z.uuid(), z.literal('none')]).optional(),
  organisation: z.uuid().optional().describe('Contacts of this organisation'),
  revenueMin: z.string().max(20).optional(),
  revenueMax: z.string().max(20).optional(),
  lastPurchaseAfter: z.string().max(40).optional(),
  lastPurchaseBefore: z.string().max(40).optional(),
  segment: z.uuid().optional().describe("A saved segment's id; its filter applies together with the others"),
  sort: z
    .string()
    .max(40)
    .optional()
    .describe(
      'relevance, name, created_at, revenue, last_purchase_at, orders_count; prefix - for descending',
    ),
})
export type ListCustomersQuery = z.infer<typeof ListCustomersQuery>

/** Turns the flat query into a filter (validated by searchCustomers), merged with a segment's. */
export async function filterFromQuery(db: Executor, workspaceId: string, q: ListCustomersQuery) {
  const base: CustomerFilter = q.segment ? await segmentFilter(db, workspaceId, q.segment) : {}
  const filter: Record<string, unknown> = { ...base }
  const set = (key: string, value: unknown) => {
    if (value !== undefined) filter[key] = value
  }
  // A flat parameter narrows the segment's condition of the same name rather than widening it.
  set('q', q.q)
  set('kind', q.kind)
  set('stages', q.stage)
  set('tiers', q.tier)
  set('tags', q.tag ? [...new Set([...(base.tags ?? []), ...q.tag])] : undefined)
  set('countries', q.country)
  set('ownerId', q.owner)
  set('organisationId', q.organisation)
  set('revenueMin', q.revenueMin)
  set('revenueMax', q.revenueMax)
  set('lastPurchaseAfter', q.lastPurchaseAfter)
  set('lastPurchaseBefore', q.lastPurchaseBefore)
  return filter
}
