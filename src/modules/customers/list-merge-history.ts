import { z } from 'zod'
import type { Executor } from '../../db/database.js'
import { keysetAfter } from '../../db/keyset.js'
import { decodeCursor, type Page, type PageQuery, toPage } from '../../shared/pagination.js'
import { CustomerMergeView, toCustomerMergeView } from './list-customer-merges.js'

export const MergeHistoryEntryView = CustomerMergeView.extend({
  survivor: z
    .object({ id: z.uuid(), name: z.string(), externalId: z.string().nullable() })
    .nullable()
    .describe('The survivor as it is now; null once it was itself merged away or deleted'),
  mergedName: z.string().describe('The merged customer’s name at the time of the merge'),
  mergedByName: z.string().nullable().describe('The user who merged; null for the system or an API token'),
})
export type MergeHistoryEntryView = z.infer<typeof MergeHistoryEntryView>

/** Every merge of the workspace, newest first: who merged which customer into which, and what moved. */
export async function listMergeHistory(
  db: Executor,
  workspaceId: string,
  query: PageQuery,
): Promise<Page<MergeHistoryEntryView>> {
  let qb = db
    .selectFrom('customer_merges as m')
    .leftJoin('customers as s', (j) =>
      j.onRef('s.workspace_id', '=', 'm.workspace_id').onRef('s.id', '=', 'm.survivor_id'),
    )
    .leftJoin('users as u', (j) =>
      j.onRef('u.workspace_id', '=', 'm.workspace_id').onRef('u.id', '=', 'm.merged_by'),
    )
    .selectAll('m')
    .select(['s.name as survivor_name', 's.external_id as survivor_external_id', 's.id as survivor_row_id'])
    .select('u.name as merged_by_name')
    .where('m.workspace_id', '=', workspaceId)
  // Ids are UUIDv7: id order is merge order.
  if (query.cursor) qb = qb.where(keysetAfter('m.id', 'm.id', 'desc', decodeCursor(query.cursor, 2)))
  const rows = await qb
    .orderBy('m.id', 'desc')
    .limit(query.limit + 1)
    .execute()
  return toPage(
    rows,
    query.limit,
    (r) => [r.id, r.id],
    (r) => ({
      ...toCustomerMergeView(r),
      survivor: r.survivor_row_id
        ? { id: r.survivor_row_id, name: r.survivor_name ?? '', externalId: r.survivor_external_id ?? null }
        : null,
      mergedName: typeof r.snapshot.name === 'string' ? r.snapshot.name : '',
      mergedByName: r.merged_by_name ?? null,
    }),
  )
}
