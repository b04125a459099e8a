import { type RawBuilder, sql } from 'kysely'

/**
 * The ledger names the customer as granted (`granted_customer_id`) and never changes: a customer
 * merge cannot re-point an append-only row (and the merge code moves only columns called
 * customer_id or keyed to customers). These fragments read a customer's grants through the merge
 * history instead: a survivor owns the grants of every customer merged into it (a later merge
 * re-points customer_merges.survivor_id, so one level covers chains).
 */
export const grantsOfCustomer = (
  workspaceId: string,
  customerId: string,
  column: RawBuilder<unknown>,
) => sql<boolean>`
  (${column} = ${customerId} OR ${column} IN (
    SELECT m.merged_customer_id FROM customer_merges m
    WHERE m.workspace_id = ${workspaceId} AND m.survivor_id = ${customerId}))`

/** The customer a ledger row belongs to today: the survivor of a merge, else the one granted. */
export const currentCustomer = (workspaceId: string, column: RawBuilder<unknown>) => sql`
  coalesce((SELECT m.survivor_id FROM customer_merges m
    WHERE m.workspace_id = ${workspaceId} AND m.merged_customer_id = ${column}
    ORDER BY m.merged_at DESC LIMIT 1), ${column})`
