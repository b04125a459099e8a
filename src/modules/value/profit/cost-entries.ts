import { z } from 'zod'
import type { Executor, Row } from '../../../db/database.js'
import { type Page, PageQuery, toPage } from '../../../shared/pagination.js'
import { type Actor, recordAudit } from '../../platform/index.js'
import { idFromCursor } from '../id-cursor.js'
import { ValueError } from '../value.errors.js'
import { type NewCostEntry, recordCostEntries } from './record-cost-entries.js'

/** A cost in the workspace currency: decimal text, two decimals at most; negative for a correction. */
export const CostAmount = z
  .union([z.string().trim(), z.number().finite()])
  .transform((v) => (typeof v === 'number' ? String(v) : v))
  .pipe(z.string().regex(/^-?\d{1,16}(\.\d{1,2})?$/, 'an amount with at most 2 decimals, e.g. "4.50"'))
  .describe('Decimal amount in the workspace currency, e.g. "4.50"; negative to correct an earlier entry')

export const CostSource = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_.-]{0,39}$/, 'lower-case, e.g. "service" or "zendesk"')

export const CreateCostEntryInput = z
  .object({
    customerId: z.uuid().optional(),
    customerExternalId: z.string().trim().min(1).max(200).optional(),
    kind: z
      .string()
      .trim()
      .min(1)
      .max(60)
      .describe('What the cost was for, e.g. case.phone, goodwill, shipping'),
    amount: CostAmount,
    occurredAt: z.iso.datetime({ offset: true }),
    source: CostSource.default('api').describe('Who posts it: a module or an integration (default api)'),
    reference: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .optional()
      .describe('Your id for this cost; the same source and reference again is a retry, not a new cost'),
  })
  .refine((c) => (c.customerId === undefined) !== (c.customerExternalId === undefined), {
    path: ['customerId'],
    message: 'give exactly one of customerId and customerExternalId',
  })

export const CostEntryView = z.object({
  id: z.uuid(),
  customerId: z.uuid(),
  source: z.string(),
  kind: z.string(),
  amount: z.string().describe('Exact decimal'),
  occurredAt: z.date(),
  reference: z.string().nullable(),
  createdAt: z.date(),
})
export type CostEntryView = z.infer<typeof CostEntryView>

export const ListCostEntriesQuery = z.object({
  ...PageQuery.shape,
  customer: z.uuid().optional(),
  source: CostSource.optional(),
  kind: z.string().trim().min(1).max(60).optional(),
})

const toView = (r: Row<'cost_entries'>): CostEntryView => ({
  id: r.id,
  customerId: r.customer_id,
  source: r.source,
  kind: r.kind,
  amount: r.amount,
  occurredAt: r.occurred_at,
  reference: r.reference,
  createdAt: r.created_at,
})

/**
 * Posts one cost through the API. With a reference, sending the same cost again answers the stored
 * entry (created: false); a different cost under the same source and reference is a conflict.
 */
export async function createCostEntry(
  db: Executor,
  actor: Actor,
  input: z.input<typeof CreateCostEntryInput>,
): Promise<{ entry: CostEntryView; created: boolean }> {
  const c = CreateCostEntryInput.parse(input)
  const entry: NewCostEntry = {
    customerId: c.customerId,
    customerExternalId: c.customerExternalId,
    kind: c.kind,
    amount: c.amount,
    occurredAt: new Date(c.occurredAt),
    reference: c.reference,
  }
  const run = async (trx: Executor) => {
    const result = await recordCostEntries(trx, actor.workspaceId, c.source, [entry], actor.userId)
    if (result.unknownCustomers.length) {
      const path = c.customerId ? 'customerId' : 'customerExternalId'
      throw new ValueError('UNKNOWN_CUSTOMER', 'no such customer in this workspace', {
        fields: [{ path, message: 'no such customer' }],
      })
    }
    const row = result.inserted[0]
      ? await byId(trx, actor.workspaceId, result.inserted[0])
      : await byReference(trx, actor.workspaceId, c.source, c.reference!)
    const created = result.inserted.length === 1
    const same =
      row.kind === c.kind && Number(row.amount) === Number(c.amount) && +row.occurred_at === +entry.occurredAt
    if (!created && !same)
      throw new ValueError(
        'COST_REFERENCE_TAKEN',
        `${c.source} already posted a different cost as ${c.reference}`,
      )
    if (created)
      await recordAudit(trx, actor, {
        action: 'value.cost_posted',
        entityType: 'cost_entry',
        entityId: row.id,
        after: toView(row),
      })
    return { entry: toView(row), created }
  }
  return db.isTransaction ? run(db) : db.transaction().execute(run)
}

const byId = (db: Executor, workspaceId: string, id: string) =>
  db
    .selectFrom('cost_entries')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirstOrThrow()

const byReference = (db: Executor, workspaceId: string, source: string, reference: string) =>
  db
    .selectFrom('cost_entries')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('source', '=', source)
    .where('reference', '=', reference)
    .executeTakeFirstOrThrow()

/** Newest first. */
export async function listCostEntries(
  db: Executor,
  workspaceId: string,
  query: z.infer<typeof ListCostEntriesQuery>,
): Promise<Page<CostEntryView>> {
  let qb = db.selectFrom('cost_entries').selectAll().where('workspace_id', '=', workspaceId)
  if (query.customer) qb = qb.where('customer_id', '=', query.customer)
  if (query.source) qb = qb.where('source', '=', query.source)
  if (query.kind) qb = qb.where('kind', '=', query.kind)
  if (query.cursor) {
    qb = qb.where('id', '<', idFromCursor(query.cursor))
  }
  const rows = await qb
    .orderBy('id', 'desc')
    .limit(query.limit + 1)
    .execute()
  return toPage(rows, query.limit, (r) => [r.id], toView)
}
