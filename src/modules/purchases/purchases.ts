import { sql } from 'kysely'
import { z } from 'zod'
import type { Executor } from '../../db/database.js'
import { isUuid } from '../../db/ids.js'
import { decodeCursor, type Page, PageQuery, parseSort, toPage } from '../../shared/pagination.js'
import { appendTimelineEvent, getCustomer } from '../customers/index.js'
import { type Actor, recordAudit } from '../platform/index.js'
import { refreshCustomerTotals } from './customer-totals.js'
import { MoneyInput, MoneyView } from './money.js'
import { PurchasesError } from './purchases.errors.js'

export const PURCHASE_STATUSES = ['completed', 'refunded'] as const

export const PurchaseView = z.object({
  id: z.uuid(),
  externalId: z.string().nullable(),
  customerId: z.uuid(),
  customerName: z.string(),
  productId: z.uuid().nullable(),
  productSku: z.string().nullable(),
  productName: z.string().nullable(),
  quantity: z.number().int(),
  amount: MoneyView,
  cost: MoneyView.nullable(),
  occurredAt: z.date(),
  channel: z.string().nullable(),
  status: z.enum(PURCHASE_STATUSES),
  createdAt: z.date(),
  updatedAt: z.date(),
})
export type PurchaseView = z.infer<typeof PurchaseView>

export const CreatePurchaseInput = z
  .object({
    externalId: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .optional()
      .describe('Your order line id; makes retries safe'),
    customerId: z.uuid().optional(),
    customerExternalId: z.string().trim().min(1).max(200).optional(),
    productId: z.uuid().optional(),
    productSku: z.string().trim().min(1).max(100).optional(),
    quantity: z.number().int().min(1).max(1_000_000).default(1),
    amount: MoneyInput.describe('Line total in the workspace currency'),
    cost: MoneyInput.optional().describe(
      "Cost of goods for the line; defaults to the product's unit cost × quantity",
    ),
    occurredAt: z.iso.datetime({ offset: true }),
    channel: z.string().trim().min(1).max(60).optional(),
    status: z.enum(PURCHASE_STATUSES).default('completed'),
  })
  .refine((p) => (p.customerId === undefined) !== (p.customerExternalId === undefined), {
    path: ['customerId'],
    message: 'give exactly one of customerId and customerExternalId',
  })
  .refine((p) => p.productId === undefined || p.productSku === undefined, {
    path: ['productId'],
    message: 'give at most one of productId and productSku',
  })
export type CreatePurchaseInput = z.input<typeof CreatePurchaseInput>

export const ListPurchasesQuery = z.object({
  ...PageQuery.shape,
  customer: z.uuid().optional(),
  status: z.enum(PURCHASE_STATUSES).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  sort: z
    .string()
    .max(40)
    .optional()
    .describe('occurred_at, amount; prefix - for descending (default -occurred_at)'),
})

function selectPurchases(db: Executor, workspaceId: string) {
  return db
    .selectFrom('purchases as p')
    .innerJoin('customers as c', (j) =>
      j.onRef('c.workspace_id', '=', 'p.workspace_id').onRef('c.id', '=', 'p.customer_id'),
    )
    .leftJoin('products as pr', (j) =>
      j.onRef('pr.workspace_id', '=', 'p.workspace_id').onRef('pr.id', '=', 'p.product_id'),
    )
    .where('p.workspace_id', '=', workspaceId)
    .select([
      'p.id',
      'p.external_id',
      'p.customer_id',
      'c.name as customer_name',
      'p.product_id',
      'pr.sku as product_sku',
      'pr.name as product_name',
      'p.quantity',
      'p.amount',
      'p.cost',
      'p.occurred_at',
      'p.channel',
      'p.status',
      'p.created_at',
      'p.updated_at',
    ])
}
type PurchaseRow = Awaited<ReturnType<ReturnType<typeof selectPurchases>['executeTakeFirstOrThrow']>>

const toView = (r: PurchaseRow): PurchaseView => ({
  id: r.id,
  externalId: r.external_id,
  customerId: r.customer_id,
  customerName: r.customer_name,
  productId: r.product_id,
  productSku: r.product_sku,
  productName: r.product_name,
  quantity: r.quantity,
  amount: r.amount,
  cost: r.cost,
  occurredAt: r.occurred_at,
  channel: r.channel,
  status: r.status,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
})

export async function getPurchase(db: Executor, workspaceId: string, id: string): Promise<PurchaseView> {
  const row = isUuid(id)
    ? await selectPurchases(db, workspaceId).where('p.id', '=', id).executeTakeFirst()
    : undefined
  if (!row) throw new PurchasesError('PURCHASE_NOT_FOUND', `purchase ${id} not found`)
  return toView(row)
}

const SORTS = { occurred_at: 'p.occurred_at', amount: 'p.amount' } as const

export async function listPurchases(
  db: Executor,
  workspaceId: string,
  query: z.infer<typeof ListPurchasesQuery>,
): Promise<Page<PurchaseView>> {
  const sort = query.sort
    ? parseSort(query.sort, Object.keys(SORTS) as (keyof typeof SORTS)[], 'occurred_at')
    : ({ field: 'occurred_at', direction: 'desc' } as const)
  const column = SORTS[sort.field]
  let qb = selectPurchases(db, workspaceId).select(sql<string>`${sql.ref(column)}::text`.as('sort_key'))
  if (query.customer) qb = qb.where('p.customer_id', '=', query.customer)
  if (query.status) qb = qb.where('p.status', '=', query.status)
  if (query.from) qb = qb.where('p.occurred_at', '>=', new Date(query.from))
  if (query.to) qb = qb.where('p.occurred_at', '<', new Date(query.to))
  if (query.cursor) {
    const [value, id] = decodeCursor(query.cursor, 2)
    const op = sql.raw(sort.direction === 'asc' ? '>' : '<')
    const type = sql.raw(sort.field === 'amount' ? 'numeric' : 'timestamptz')
    qb = qb.where(
      sql<boolean>`(${sql.ref(column)}, p.id) ${op} (CAST(${value} AS ${type}), CAST(${id} AS uuid))`,
    )
  }
  const rows = await qb
    .orderBy(column, sort.direction)
    .orderBy('p.id', sort.direction)
    .limit(query.limit + 1)
    .execute()
  return toPage(rows, query.limit, (r) => [r.sort_key, r.id], toView)
}

async function resolveCustomer(db: Executor, workspaceId: string, p: z.infer<typeof CreatePurchaseInput>) {
  if (p.customerId) return (await getCustomerOrInvalid(db, workspaceId, p.customerId)).id
  // An external id may name a customer merged into another: the survivor takes the purchase.
  const row = await db
    .selectFrom('customers')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('external_id', '=', p.customerExternalId as string)
    .executeTakeFirst()
  if (row) return row.id
  const merged = await db
    .selectFrom('customer_merges')
    .select('survivor_id')
    .where('workspace_id', '=', workspaceId)
    .where('merged_external_id', '=', p.customerExternalId as string)
    .orderBy('merged_at', 'desc')
    .executeTakeFirst()
  if (merged) return merged.survivor_id
  throw new PurchasesError('UNKNOWN_CUSTOMER', `no customer with external id ${p.customerExternalId}`, {
    fields: [{ path: 'customerExternalId', message: 'no such customer' }],
  })
}

async function getCustomerOrInvalid(db: Executor, workspaceId: string, id: string) {
  try {
    return await getCustomer(db, workspaceId, id)
  } catch {
    throw new PurchasesError('UNKNOWN_CUSTOMER', `no customer ${id}`, {
      fields: [{ path: 'customerId', message: 'no such customer' }],
    })
  }
}

async function resolveProduct(db: Executor, workspaceId: string, p: z.infer<typeof CreatePurchaseInput>) {
  if (!p.productId && !p.productSku) return null
  let qb = db.selectFrom('products').select(['id', 'unit_cost']).where('workspace_id', '=', workspaceId)
  qb = p.productId ? qb.where('id', '=', p.productId) : qb.where('sku', '=', p.productSku as string)
  const row = await qb.executeTakeFirst()
  if (!row)
    throw new PurchasesError('UNKNOWN_PRODUCT', 'no such product', {
      fields: [{ path: p.productId ? 'productId' : 'productSku', message: 'no such product' }],
    })
  return row
}

/**
 * Records one order line. With an external id the call is idempotent: the same line sent again
 * returns the stored one (200 rather than 201 from the route), a different line under the same
 * id is a conflict.
 */
export async function createPurchase(
  db: Executor,
  actor: Actor,
  input: CreatePurchaseInput,
): Promise<{ purchase: PurchaseView; created: boolean }> {
  const p = CreatePurchaseInput.parse(input)
  return db.transaction().execute(async (trx) => {
    const customerId = await resolveCustomer(trx, actor.workspaceId, p)
    const product = await resolveProduct(trx, actor.workspaceId, p)
    const cost =
      p.cost ??
      (product?.unit_cost != null
        ? ((
            await sql<{
              c: string
            }>`SELECT (${product.unit_cost}::numeric * ${p.quantity})::numeric(18,2)::text AS c`.execute(trx)
          ).rows[0]?.c ?? null)
        : null)
    const inserted = await trx
      .insertInto('purchases')
      .values({
        workspace_id: actor.workspaceId,
        external_id: p.externalId ?? null,
        customer_id: customerId,
        product_id: product?.id ?? null,
        quantity: p.quantity,
        amount: p.amount,
        cost,
        occurred_at: new Date(p.occurredAt),
        channel: p.channel ?? null,
        status: p.status,
      })
      .onConflict((oc) => oc.columns(['workspace_id', 'external_id']).doNothing())
      .returning('id')
      .executeTakeFirst()
    if (!inserted) {
      const existing = await selectPurchases(trx, actor.workspaceId)
        .where('p.external_id', '=', p.externalId as string)
        .executeTakeFirstOrThrow()
      const same =
        existing.customer_id === customerId &&
        Number(existing.amount) === Number(p.amount) &&
        existing.quantity === p.quantity &&
        existing.occurred_at.getTime() === new Date(p.occurredAt).getTime() &&
        existing.status === p.status
      if (!same)
        throw new PurchasesError(
          'PURCHASE_EXTERNAL_ID_TAKEN',
          `external id ${p.externalId} is another purchase`,
          {
            fields: [{ path: 'externalId', message: 'already used by a different line' }],
          },
        )
      return { purchase: toView(existing), created: false }
    }
    await refreshCustomerTotals(trx, actor.workspaceId, [customerId])
    const purchase = await getPurchase(trx, actor.workspaceId, inserted.id)
    await recordAudit(trx, actor, {
      action: 'purchase.created',
      entityType: 'purchase',
      entityId: purchase.id,
      after: purchase,
    })
    return { purchase, created: true }
  })
}

/** Marks a line refunded: it leaves the customer's revenue and counts in refunds, and stays on record. */
export async function refundPurchase(
  db: Executor,
  actor: Actor,
  id: string,
  input: { reason?: string | undefined },
): Promise<PurchaseView> {
  return db.transaction().execute(async (trx) => {
    const before = await getPurchase(trx, actor.workspaceId, id)
    const updated = await trx
      .updateTable('purchases')
      .set({ status: 'refunded', updated_at: new Date() })
      .where('workspace_id', '=', actor.workspaceId)
      .where('id', '=', before.id)
      .where('status', '=', 'completed')
      .returning('id')
      .executeTakeFirst()
    if (!updated) throw new PurchasesError('PURCHASE_ALREADY_REFUNDED', `purchase ${id} is already refunded`)
    await refreshCustomerTotals(trx, actor.workspaceId, [before.customerId])
    const after = await getPurchase(trx, actor.workspaceId, id)
    await recordAudit(trx, actor, {
      action: 'purchase.refunded',
      entityType: 'purchase',
      entityId: id,
      before,
      after,
    })
    await appendTimelineEvent(trx, actor, {
      customerId: before.customerId,
      type: 'purchase.refunded',
      summary: `Refunded ${before.productName ?? before.externalId ?? 'a purchase'} (${before.amount})${input.reason ? `: ${input.reason}` : ''}`,
      data: { purchaseId: before.id, amount: before.amount, reason: input.reason ?? null },
    })
    return after
  })
}
