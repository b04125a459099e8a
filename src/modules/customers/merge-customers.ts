import { sql, type Transaction } from 'kysely'
import { z } from 'zod'
import type { DB, Executor, Row } from '../../db/database.js'
import { isUuid, newId } from '../../db/ids.js'
import { type Actor, recordAudit } from '../platform/index.js'
// The file, not purchases/index.ts: that index imports customers/index.ts at load time (timeline
// sources), and a merge exported from there would close an import cycle.
import { refreshCustomerTotals } from '../purchases/customer-totals.js'
import { CustomerMergeError } from './customer-merge.errors.js'
import { type CustomerReference, findCustomerReferences, referenceKey } from './customer-references.js'
import { lockCustomerRemoval } from './customer-removal-lock.js'
import { CustomersError } from './customers.errors.js'
import { assertMergeAllowed, combinedProfile } from './merge-customers.rules.js'
import { appendTimelineEvent } from './timeline/append-timeline-event.js'

export const MergeCustomersInput = z.object({
  mergedId: z.uuid().describe('The customer that is merged away; its rows move to the survivor in the path'),
})

export const MergeResultView = z.object({
  mergeId: z.uuid(),
  survivor: z.object({
    id: z.uuid(),
    externalId: z.string().nullable(),
    name: z.string(),
    emails: z.array(z.string()),
    phones: z.array(z.string()),
    tags: z.array(z.string()),
    revenue: z.string().describe('Exact decimal'),
    ordersCount: z.number().int(),
  }),
  mergedId: z.uuid(),
  mergedExternalId: z.string().nullable(),
  moved: z
    .record(z.string(), z.number().int())
    .describe('Rows moved to the survivor, per table (table.column when not customer_id)'),
})
export type MergeResultView = z.infer<typeof MergeResultView>

type Customer = Row<'customers'>

/**
 * Merges `mergedId` into `survivorId` in one transaction: every row that references the merged
 * customer (found in the catalog, so new modules' tables are covered) moves to the survivor, the
 * profiles combine, the merged customer is deleted, and a merge record, a timeline event and an
 * audit entry keep what happened. Both rows are locked first, in id order, so concurrent merges
 * of the same pair run one after the other (the second then finds a customer gone: 404).
 *
 * @example await mergeCustomers(db, actor, keepId, duplicateId) // → { survivor, moved, … }
 */
export async function mergeCustomers(
  db: Executor,
  actor: Actor,
  survivorId: string,
  mergedId: string,
): Promise<MergeResultView> {
  if (survivorId === mergedId) {
    throw new CustomerMergeError('MERGE_SAME_CUSTOMER', 'a customer cannot be merged into itself', {
      fields: [{ path: 'body.mergedId', message: 'must differ from the survivor' }],
    })
  }
  const run = (tx: Transaction<DB>) => mergeInTransaction(tx, actor, survivorId, mergedId)
  return db.isTransaction ? run(db as Transaction<DB>) : db.transaction().execute(run)
}

async function mergeInTransaction(
  tx: Transaction<DB>,
  actor: Actor,
  survivorId: string,
  mergedId: string,
): Promise<MergeResultView> {
  const ws = actor.workspaceId
  // First, before any row lock: a bulk writer holding it exclusively waits for nothing of ours.
  await lockCustomerRemoval(tx, ws, 'remove')
  const ids = [survivorId, mergedId].filter(isUuid)
  const locked = ids.length
    ? await tx
        .selectFrom('customers')
        .selectAll()
        .where('workspace_id', '=', ws)
        .where('id', 'in', ids)
        .orderBy('id')
        .forUpdate()
        .execute()
    : []
  const survivor = locked.find((c) => c.id === survivorId)
  const merged = locked.find((c) => c.id === mergedId)
  if (!survivor) throw new CustomersError('CUSTOMER_NOT_FOUND', `customer ${survivorId} not found`)
  if (!merged) throw new CustomersError('CUSTOMER_NOT_FOUND', `customer ${mergedId} not found`)
  await assertMergeAllowed(tx, ws, survivor, merged)

  const moved = await moveReferences(tx, ws, survivor.id, merged.id)
  await tx.deleteFrom('customers').where('workspace_id', '=', ws).where('id', '=', merged.id).execute()
  // After the delete: the survivor may take over the merged customer's external id.
  await tx
    .updateTable('customers')
    .set(combinedProfile(survivor, merged))
    .where('workspace_id', '=', ws)
    .where('id', '=', survivor.id)
    .execute()
  await refreshCustomerTotals(tx, ws, [survivor.id])
  const after = await tx
    .selectFrom('customers')
    .selectAll()
    .where('workspace_id', '=', ws)
    .where('id', '=', survivor.id)
    .executeTakeFirstOrThrow()

  const mergeId = newId()
  await tx
    .insertInto('customer_merges')
    .values({
      workspace_id: ws,
      id: mergeId,
      survivor_id: survivor.id,
      merged_customer_id: merged.id,
      merged_external_id: merged.external_id,
      snapshot: JSON.stringify(snapshot(merged)),
      moved: JSON.stringify(moved),
      merged_by: actor.userId,
    })
    .execute()
  await appendTimelineEvent(tx, actor, {
    customerId: survivor.id,
    type: 'customer.merged',
    summary: `Merged ${merged.name}${merged.external_id ? ` (${merged.external_id})` : ''} into this customer`,
    data: { mergeId, mergedId: merged.id, mergedExternalId: merged.external_id, moved },
  })
  await recordAudit(tx, actor, {
    action: 'customer.merged',
    entityType: 'customer',
    entityId: survivor.id,
    before: { survivor: snapshot(survivor), merged: snapshot(merged) },
    after: { survivor: snapshot(after), moved, mergeId },
  })
  return {
    mergeId,
    survivor: {
      id: after.id,
      externalId: after.external_id,
      name: after.name,
      emails: after.emails,
      phones: after.phones,
      tags: after.tags,
      revenue: after.revenue,
      ordersCount: after.orders_count,
    },
    mergedId: merged.id,
    mergedExternalId: merged.external_id,
    moved,
  }
}

/** Points every reference to the merged customer at the survivor; counts per table, zeros left out. */
async function moveReferences(
  tx: Transaction<DB>,
  workspaceId: string,
  survivorId: string,
  mergedId: string,
): Promise<Record<string, number>> {
  const moved: Record<string, number> = {}
  for (const ref of await findCustomerReferences(tx)) {
    const n = await moveReference(tx, ref, workspaceId, survivorId, mergedId)
    const key = referenceKey(ref)
    if (n > 0) moved[key] = (moved[key] ?? 0) + n
  }
  return moved
}

async function moveReference(
  tx: Transaction<DB>,
  ref: CustomerReference,
  workspaceId: string,
  survivorId: string,
  mergedId: string,
): Promise<number> {
  const column = sql.id(ref.column)
  const scope = ref.scope ? sql`AND ${sql.id(ref.scope)} = ${workspaceId}` : sql``
  try {
    const { rows } = await sql<{ n: number }>`
      WITH m AS (
        UPDATE ${sql.id(ref.schema, ref.table)} SET ${column} = ${survivorId} WHERE ${column} = ${mergedId} ${scope} RETURNING 1
      )
      SELECT count(*)::int AS n FROM m`.execute(tx)
    return rows[0]?.n ?? 0
  } catch (err) {
    // A table that allows one row per customer (a membership, an answer per survey) and has one
    // for each of the two: which to keep is the owning module's decision, so refuse the merge.
    if ((err as { code?: unknown }).code === '23505') {
      throw new CustomerMergeError(
        'MERGE_UNIQUE_CONFLICT',
        `both customers have a ${referenceKey(ref)} row that may exist only once per customer (${String((err as { constraint?: unknown }).constraint ?? 'unique key')}); resolve it there first`,
      )
    }
    throw err
  }
}

/** The row as JSON, without the derived search text. */
function snapshot(c: Customer): Record<string, unknown> {
  const { search_text: _derived, ...rest } = c
  return rest
}
