import { sql } from 'kysely'
import type { Executor } from '../../db/database.js'
import { maySkipForeignKeyChecks } from '../../db/foreign-key-checks.js'

/**
 * A workspace-wide lock between removing customers and bulk writes that skip foreign-key checks.
 * Customers are only ever removed by a merge, which holds this lock shared for its transaction.
 * A bulk writer (the value engine's scores, an import's write) holds it exclusively, so no customer disappears
 * between the writer's last look at the customers and its commit: a row it writes can then not
 * outlive its customer, which the skipped checks would otherwise allow (a delete's cascade does
 * not see rows another transaction has not committed yet). Taken inside a transaction; released
 * when it ends.
 */
export async function lockCustomerRemoval(
  tx: Executor,
  workspaceId: string,
  mode: 'remove' | 'bulk-write',
): Promise<void> {
  const key = sql`hashtextextended(${`customer-removal:${workspaceId}`}, 0)`
  await (mode === 'remove'
    ? sql`SELECT pg_advisory_xact_lock_shared(${key})`
    : sql`SELECT pg_advisory_xact_lock(${key})`
  ).execute(tx)
}

/**
 * For a bulk write that looks up the customers it references after this call: takes the removal
 * lock exclusively and, where the role may (always on PGlite), turns the per-row foreign-key
 * triggers off for the rest of the transaction (session_replication_role = replica). Returns
 * whether it did. Only correct on tables whose only triggers are those checks (tests keep it so).
 */
export async function lockForUncheckedBulkWrite(tx: Executor, workspaceId: string): Promise<boolean> {
  await lockCustomerRemoval(tx, workspaceId, 'bulk-write')
  if (!(await maySkipForeignKeyChecks(tx))) return false
  await sql`SET LOCAL session_replication_role = replica`.execute(tx)
  return true
}
