import type { Executor } from '../../db/database.js'
import type { CustomerView } from './customers.schemas.js'

/** Customers with their organisation's and owner's names: the shape every customer view is built from. */
export function selectCustomers(db: Executor, workspaceId: string) {
  return db
    .selectFrom('customers as c')
    .leftJoin('customers as o', (j) =>
      j.onRef('o.workspace_id', '=', 'c.workspace_id').onRef('o.id', '=', 'c.organisation_id'),
    )
    .leftJoin('users as u', (j) =>
      j.onRef('u.workspace_id', '=', 'c.workspace_id').onRef('u.id', '=', 'c.owner_id'),
    )
    .where('c.workspace_id', '=', workspaceId)
    .select([
      'c.id',
      'c.external_id',
      'c.kind',
      'c.name',
      'c.organisation_id',
      'o.name as organisation_name',
      'c.emails',
      'c.phones',
      'c.country',
      'c.language',
      'c.timezone',
      'c.lifecycle_stage',
      'c.tags',
      'c.owner_id',
      'u.name as owner_name',
      'c.tier',
      'c.tier_source',
      'c.attributes',
      'c.revenue',
      'c.refunds',
      'c.orders_count',
      'c.first_purchase_at',
      'c.last_purchase_at',
      'c.created_at',
      'c.updated_at',
    ])
}

export type CustomerRow = Awaited<ReturnType<ReturnType<typeof selectCustomers>['executeTakeFirstOrThrow']>>

export function toCustomerView(r: CustomerRow): CustomerView {
  return {
    id: r.id,
    externalId: r.external_id,
    kind: r.kind,
    name: r.name,
    organisationId: r.organisation_id,
    organisationName: r.organisation_name,
    emails: r.emails,
    phones: r.phones,
    country: r.country,
    language: r.language,
    timezone: r.timezone,
    lifecycleStage: r.lifecycle_stage,
    tags: r.tags,
    ownerId: r.owner_id,
    ownerName: r.owner_name,
    tier: r.tier,
    tierSource: r.tier_source,
    attributes: r.attributes,
    revenue: r.revenue,
    refunds: r.refunds,
    ordersCount: r.orders_count,
    firstPurchaseAt: r.first_purchase_at,
    lastPurchaseAt: r.last_purchase_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }
}
