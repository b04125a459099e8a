import { api } from './client.js'
import type { Page } from './types.js'

// Mirrors of src/modules/customers views. Money is an exact decimal string in the workspace
// currency; times are UTC ISO strings.

export const LIFECYCLE_STAGES = ['lead', 'prospect', 'customer', 'churned'] as const
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number]
export type CustomerKind = 'person' | 'organisation'

export interface Customer {
  id: string
  externalId: string | null
  kind: CustomerKind
  name: string
  organisationId: string | null
  organisationName: string | null
  emails: string[]
  phones: string[]
  country: string | null
  language: string | null
  timezone: string | null
  lifecycleStage: LifecycleStage
  tags: string[]
  ownerId: string | null
  ownerName: string | null
  tier: string | null
  tierSource: 'manual' | 'value' | null
  attributes: Record<string, unknown>
  revenue: string
  refunds: string
  ordersCount: number
  firstPurchaseAt: string | null
  lastPurchaseAt: string | null
  createdAt: string
  updatedAt: string
}

export const ATTRIBUTE_OPERATORS = [
  'eq',
  'neq',
  'gt',
  'gte',
  'lt',
  'lte',
  'contains',
  'exists',
  'missing',
] as const
export type AttributeOperator = (typeof ATTRIBUTE_OPERATORS)[number]

export interface AttributeCondition {
  key: string
  op: AttributeOperator
  value?: string | number | boolean
}

/** What lists, segments and counts filter on (src/modules/customers/customer-filter.ts). */
export interface CustomerFilter {
  q?: string
  kind?: CustomerKind
  stages?: LifecycleStage[]
  tiers?: string[]
  tags?: string[]
  countries?: string[]
  languages?: string[]
  ownerId?: string
  organisationId?: string
  revenueMin?: string
  revenueMax?: string
  ordersMin?: number
  ordersMax?: number
  lastPurchaseAfter?: string
  lastPurchaseBefore?: string
  neverPurchased?: boolean
  createdAfter?: string
  createdBefore?: string
  attributes?: AttributeCondition[]
}

export const CUSTOMER_SORT_FIELDS = [
  'relevance',
  'name',
  'created_at',
  'revenue',
  'last_purchase_at',
  'orders_count',
] as const
export type CustomerSortField = (typeof CUSTOMER_SORT_FIELDS)[number]
/** A field, descending with a leading `-`. */
export type CustomerSort = CustomerSortField | `-${CustomerSortField}`

export interface CustomerProfile {
  externalId?: string | null
  kind?: CustomerKind
  name?: string
  organisationId?: string | null
  emails?: string[]
  phones?: string[]
  country?: string | null
  language?: string | null
  timezone?: string | null
  lifecycleStage?: LifecycleStage
  tags?: string[]
  ownerId?: string | null
  tier?: string | null
  /** In an update, null removes a value. */
  attributes?: Record<string, unknown>
}

export interface TimelineItem {
  id: string
  source: string
  type: string
  occurredAt: string
  summary: string
  data: Record<string, unknown>
}

export interface TimelineQuery {
  limit?: number
  cursor?: string
  /** Comma-separated; a trailing * matches a prefix (purchase.*). */
  types?: string
  /** Comma-separated: purchases, events, ... */
  sources?: string
}

const at = (id: string) => `/api/customers/${encodeURIComponent(id)}`

export const searchCustomers = (input: {
  filter: CustomerFilter
  sort?: CustomerSort
  limit?: number
  cursor?: string
}) => api.post<Page<Customer>>('/api/customers/search', input)

export const countCustomers = (filter: CustomerFilter) =>
  api.post<{ count: number }>('/api/customers/count', { filter })

export const getCustomer = (id: string) => api.get<Customer>(at(id))

export const createCustomer = (input: CustomerProfile & { name: string }) =>
  api.post<Customer>('/api/customers', input)

export const updateCustomer = (id: string, changes: CustomerProfile) => api.patch<Customer>(at(id), changes)

export const listContacts = (id: string, query: { limit?: number; cursor?: string } = {}) =>
  api.get<Page<Customer>>(`${at(id)}/contacts`, { ...query })

export const listTimeline = (id: string, query: TimelineQuery = {}) =>
  api.get<Page<TimelineItem>>(`${at(id)}/timeline`, { ...query })

export const addNote = (id: string, text: string) => api.post<{ ok: true }>(`${at(id)}/notes`, { text })
