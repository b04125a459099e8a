import { sql } from 'kysely'
import { z } from 'zod'
import type { Executor, Row } from '../../db/database.js'
import { findOwned } from '../../db/find-owned.js'
import { newId } from '../../db/ids.js'
import { decodeCursor, type Page, PageQuery, parseSort, toPage } from '../../shared/pagination.js'
import { type Actor, recordAudit } from '../platform/index.js'
import { MoneyInput, MoneyView } from './money.js'
import { PurchasesError } from './purchases.errors.js'

export const ProductView = z.object({
  id: z.uuid(),
  sku: z.string(),
  name: z.string(),
  category: z.string().nullable(),
  listPrice: MoneyView.nullable(),
  unitCost: MoneyView.nullable(),
  active: z.boolean(),
  createdAt: z.date(),
  updatedAt: z.date(),
})
export type ProductView = z.infer<typeof ProductView>

const fields = {
  sku: z.string().trim().min(1).max(100),
  name: z.string().trim().min(1).max(300),
  category: z.string().trim().min(1).max(100).nullable(),
  listPrice: MoneyInput.nullable(),
  unitCost: MoneyInput.nullable(),
  active: z.boolean(),
}
export const CreateProductInput = z.object({
  ...fields,
  category: fields.category.optional(),
  listPrice: fields.listPrice.optional(),
  unitCost: fields.unitCost.optional(),
  active: fields.active.default(true),
})
export const UpdateProductInput = z
  .object(fields)
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'nothing to change')

export const ListProductsQuery = z.object({
  ...PageQuery.shape,
  q: z.string().max(200).optional().describe('Substring of sku or name'),
  category: z.string().max(100).optional(),
  active: z.enum(['true', 'false']).optional(),
  sort: z.string().max(40).optional().describe('sku, name, created_at; prefix - for descending'),
})

const toView = (r: Row<'products'>): ProductView => ({
  id: r.id,
  sku: r.sku,
  name: r.name,
  category: r.category,
  listPrice: r.list_price,
  unitCost: r.unit_cost,
  active: r.active,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
})

const SORTS = { sku: 'sku', name: 'name', created_at: 'id' } as const

export async function listProducts(
  db: Executor,
  workspaceId: string,
  query: z.infer<typeof ListProductsQuery>,
): Promise<Page<ProductView>> {
  const sort = parseSort(query.sort, Object.keys(SORTS) as (keyof typeof SORTS)[], 'name')
  const column = SORTS[sort.field]
  let qb = db.selectFrom('products').selectAll().where('workspace_id', '=', workspaceId)
  if (query.q) {
    const like = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
    qb = qb.where((eb) => eb.or([eb('sku', 'ilike', like), eb('name', 'ilike', like)]))
  }
  if (query.category) qb = qb.where('category', '=', query.category)
  if (query.active) qb = qb.where('active', '=', query.active === 'true')
  if (query.cursor) {
    const [value, id] = decodeCursor(query.cursor, 2)
    const op = sql.raw(sort.direction === 'asc' ? '>' : '<')
    qb = qb.where(sql<boolean>`(${sql.ref(column)}, id) ${op} (${value}, ${id}::uuid)`)
  }
  const rows = await qb
    .orderBy(column, sort.direction)
    .orderBy('id', sort.direction)
    .limit(query.limit + 1)
    .execute()
  return toPage(rows, query.limit, (r) => [r[column], r.id], toView)
}

async function findProduct(db: Executor, workspaceId: string, id: string) {
  const row = await findOwned(db, 'products', workspaceId, id)
  if (!row) throw new PurchasesError('PRODUCT_NOT_FOUND', `product ${id} not found`)
  return row
}

export async function getProduct(db: Executor, workspaceId: string, id: string) {
  return toView(await findProduct(db, workspaceId, id))
}

async function skuFree(db: Executor, workspaceId: string, sku: string, exceptId?: string) {
  const taken = await db
    .selectFrom('products')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('sku', '=', sku)
    .executeTakeFirst()
  if (taken && taken.id !== exceptId)
    throw new PurchasesError('PRODUCT_SKU_TAKEN', `a product with sku ${sku} exists`, {
      fields: [{ path: 'sku', message: 'already used' }],
    })
}

export async function createProduct(db: Executor, actor: Actor, input: z.input<typeof CreateProductInput>) {
  const p = CreateProductInput.parse(input)
  return db.transaction().execute(async (trx) => {
    await skuFree(trx, actor.workspaceId, p.sku)
    const row = await trx
      .insertInto('products')
      .values({
        workspace_id: actor.workspaceId,
        id: newId(),
        sku: p.sku,
        name: p.name,
        category: p.category ?? null,
        list_price: p.listPrice ?? null,
        unit_cost: p.unitCost ?? null,
        active: p.active,
      })
      .returningAll()
      .executeTakeFirstOrThrow()
    await recordAudit(trx, actor, {
      action: 'product.created',
      entityType: 'product',
      entityId: row.id,
      after: toView(row),
    })
    return toView(row)
  })
}

export async function updateProduct(
  db: Executor,
  actor: Actor,
  id: string,
  input: z.input<typeof UpdateProductInput>,
) {
  const changes = UpdateProductInput.parse(input)
  return db.transaction().execute(async (trx) => {
    const before = await findProduct(trx, actor.workspaceId, id)
    if (changes.sku) await skuFree(trx, actor.workspaceId, changes.sku, id)
    const row = await trx
      .updateTable('products')
      .set({
        ...(changes.sku !== undefined && { sku: changes.sku }),
        ...(changes.name !== undefined && { name: changes.name }),
        ...(changes.category !== undefined && { category: changes.category }),
        ...(changes.listPrice !== undefined && { list_price: changes.listPrice }),
        ...(changes.unitCost !== undefined && { unit_cost: changes.unitCost }),
        ...(changes.active !== undefined && { active: changes.active }),
        updated_at: new Date(),
      })
      .where('workspace_id', '=', actor.workspaceId)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow()
    await recordAudit(trx, actor, {
      action: 'product.updated',
      entityType: 'product',
      entityId: id,
      before: toView(before),
      after: toView(row),
    })
    return toView(row)
  })
}
