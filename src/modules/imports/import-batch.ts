import { sql } from 'kysely'
import { z } from 'zod'
import { type BulkDatabase, withBulkSession } from '../../db/bulk-session.js'
import { newId } from '../../db/ids.js'
import { type Actor, getWorkspace } from '../platform/index.js'
import { finishImport } from './finish-import.js'
import type { ImportKind } from './import-columns.js'
import { ImportError } from './imports.errors.js'
import { createStage, dropStage } from './stage-table.js'

export const BATCH_MAX_ROWS = 10_000

const Text = z.string().max(2000).nullable().optional()
const TextOrNumber = z
  .union([z.string().max(100), z.number().finite()])
  .nullable()
  .optional()
const List = z.array(z.string().max(254)).max(20).optional()

/** JSON field → canonical column. */
const CUSTOMER_FIELDS = {
  externalId: 'external_id',
  name: 'name',
  firstName: 'first_name',
  lastName: 'last_name',
  emails: 'email',
  phones: 'phone',
  country: 'country',
  language: 'language',
  timezone: 'timezone',
  createdAt: 'created_at',
} as const
const PURCHASE_FIELDS = {
  externalId: 'external_id',
  customerExternalId: 'customer_external_id',
  occurredAt: 'occurred_at',
  amount: 'amount',
  cost: 'cost',
  currency: 'currency',
  productSku: 'product_sku',
  quantity: 'quantity',
  channel: 'channel',
  status: 'status',
} as const

export const CustomerBatchRow = z.strictObject({
  externalId: Text,
  name: Text,
  firstName: Text,
  lastName: Text,
  emails: List,
  phones: List,
  country: Text,
  language: Text,
  timezone: Text,
  createdAt: Text.describe('ISO 8601; a date alone means midnight in the workspace time zone'),
})
export const PurchaseBatchRow = z.strictObject({
  externalId: Text,
  customerExternalId: Text,
  occurredAt: Text.describe('ISO 8601; without an offset, the workspace time zone'),
  amount: TextOrNumber.describe('Line total, ≥ 0 with at most 2 decimals; refunds: status refunded'),
  cost: TextOrNumber,
  currency: Text.describe('Must be the workspace currency when given'),
  productSku: Text,
  quantity: TextOrNumber,
  channel: Text,
  status: Text.describe('completed or refunded (paid, refund and other synonyms accepted)'),
})

const settings = {
  skipInvalid: z.boolean().default(false).describe('Write the valid rows and report the others (200)'),
}
export const CustomersBatchInput = z.object({
  rows: z.array(CustomerBatchRow).min(1).max(BATCH_MAX_ROWS),
  ...settings,
})
export const PurchasesBatchInput = z.object({
  rows: z.array(PurchaseBatchRow).min(1).max(BATCH_MAX_ROWS),
  ...settings,
  unknownCustomers: z.enum(['create', 'fail']).default('create'),
})
export type CustomersBatchInput = z.infer<typeof CustomersBatchInput>
export type PurchasesBatchInput = z.infer<typeof PurchasesBatchInput>

export const BatchResultView = z.object({
  inserted: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  invalid: z.number().int(),
  customersCreated: z.number().int(),
  productsCreated: z.number().int(),
  aliased: z.number().int(),
  errors: z.array(
    z.object({
      index: z.number().int(),
      field: z.string(),
      value: z.string().nullable(),
      reason: z.string(),
    }),
  ),
})
export type BatchResultView = z.infer<typeof BatchResultView>

type BatchInput<K extends ImportKind> = K extends 'customers' ? CustomersBatchInput : PurchasesBatchInput

/**
 * Upserts up to 10,000 customers or purchases by external id through the file import's engine:
 * the rows are staged with one INSERT ... SELECT from a JSON array, then validated and written
 * set-based. All or nothing by default: invalid rows make a 400 with a path per bad field.
 */
export async function importBatch<K extends ImportKind>(
  database: BulkDatabase,
  actor: Actor,
  kind: K,
  input: BatchInput<K>,
): Promise<BatchResultView> {
  const fields: Record<string, string> = kind === 'customers' ? CUSTOMER_FIELDS : PURCHASE_FIELDS
  const fieldOf = Object.fromEntries(Object.entries(fields).map(([f, c]) => [c, f]))
  const provided = new Set<string>()
  const rows = input.rows.map((row) => {
    const staged: Record<string, string> = {}
    for (const [field, value] of Object.entries(row as Record<string, unknown>)) {
      if (value === null || value === undefined) continue
      const column = fields[field]!
      const text = (Array.isArray(value) ? value.join(';') : String(value)).trim()
      provided.add(column)
      if (text !== '') staged[column] = text
    }
    return staged
  })
  const workspace = await getWorkspace(database.db, actor.workspaceId)
  const result = await withBulkSession(database, async (session) => {
    const stage = await createStage(session, kind, provided, 'index')
    try {
      const columns = [...provided]
      const list = columns.join(', ')
      await sql`
        INSERT INTO ${sql.table(stage.rows)} (line${sql.raw(list ? `, ${list}` : '')})
        SELECT e.ord - 1${sql.raw(columns.map((c) => `, e.doc->>'${c}'`).join(''))}
        FROM jsonb_array_elements(${JSON.stringify(rows)}::jsonb) WITH ORDINALITY AS e(doc, ord)`.execute(
        session.db,
      )
      return await finishImport(session, stage, {
        actor,
        workspace,
        settings: {
          skipInvalid: input.skipInvalid,
          unknownCustomers: 'unknownCustomers' in input ? input.unknownCustomers : 'create',
        },
        rowsRead: rows.length,
        audit: { action: `${kind}.batch`, entityType: 'import_batch', entityId: newId() },
      })
    } finally {
      await dropStage(session, stage)
    }
  })
  const errors = result.errors.map((e) => ({
    index: e.line,
    field: e.column === '*' ? '*' : (fieldOf[e.column] ?? e.column),
    value: e.value,
    reason: e.reason,
  }))
  if (result.status === 'failed') {
    throw new ImportError('INVALID_ROWS', result.message ?? 'invalid rows', {
      fields: errors
        .slice(0, 1000)
        .map((e) => ({ path: `body.rows.${e.index}.${e.field}`, message: e.reason })),
    })
  }
  const { inserted, updated, unchanged, invalid, customersCreated, productsCreated, aliased } = result
  return { inserted, updated, unchanged, invalid, customersCreated, productsCreated, aliased, errors }
}
