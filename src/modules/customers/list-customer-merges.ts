import type { Selectable } from 'kysely'
import { z } from 'zod'
import type { CustomerMergesTable, Executor } from '../../db/database.js'
import { isUuid } from '../../db/ids.js'
import { keysetAfter } from '../../db/keyset.js'
import { decodeCursor, type Page, type PageQuery, toPage } from '../../shared/pagination.js'
import { CustomersError } from './customers.errors.js'

export const CustomerMergeView = z.object({
  id: z.uuid(),
  survivorId: z.uuid(),
  mergedCustomerId: z.uuid(),
  mergedExternalId: z.string().nullable(),
  snapshot: z.record(z.string(), z.unknown()).describe('The merged customer as it was just before the merge'),
  moved: z.record(z.string(), z.number().int()).describe('Rows moved to the survivor, per table'),
  mergedBy: z.uuid().nullable(),
  mergedAt: z.date(),
})
export type CustomerMergeView = z.infer<typeof CustomerMergeView>

/**
 * The customers merged into this one, newest first. Merges into a customer that was itself
 * merged later moved with it, so the survivor's history includes them.
 */
export async function listCustomerMerges(
  db: Executor,
  workspaceId: string,
  customerId: string,
  query: PageQuery,
): Promise<Page<CustomerMergeView>> {
  const exists =
    isUuid(customerId) &&
    (await db
      .selectFrom('customers')
      .select('id')
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', customerId)
      .executeTakeFirst())
  if (!exists) throw new CustomersError('CUSTOMER_NOT_FOUND', `customer ${customerId} not found`)
  let qb = db
    .selectFrom('customer_merges')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('survivor_id', '=', customerId)
  // Ids are UUIDv7: id order is merge order.
  if (query.cursor) qb = qb.where(keysetAfter('id', 'id', 'desc', decodeCursor(query.cursor, 2)))
  const rows = await qb
    .orderBy('id', 'desc')
    .limit(query.limit + 1)
    .execute()
  return toPage(rows, query.limit, (r) => [r.id, r.id], toCustomerMergeView)
}

/** The API's view of a customer_merges row. */
export function toCustomerMergeView(r: Selectable<CustomerMergesTable>): CustomerMergeView {
  return {
    id: r.id,
    survivorId: r.survivor_id,
    mergedCustomerId: r.merged_customer_id,
    mergedExternalId: r.merged_external_id,
    snapshot: r.snapshot,
    moved: r.moved,
    mergedBy: r.merged_by,
    mergedAt: r.merged_at,
  }
}
