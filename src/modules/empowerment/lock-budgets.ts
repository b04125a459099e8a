import { sql } from 'kysely'
import type { Executor } from '../../db/database.js'

/**
 * Serialises grants per budget: upserting the subject's lock row takes its row lock until the
 * transaction ends, so "read what is used, compare with the limit, append to the ledger" runs
 * one transaction at a time per agent and per customer (READ COMMITTED: the next statement after
 * the lock sees the ledger rows the previous holder committed). Always agent first, then
 * customer, so two grants never wait on each other in opposite orders.
 */
export async function lockBudgets(
  db: Executor,
  workspaceId: string,
  subjects: { agent?: string | null; customer: string },
): Promise<void> {
  const keys: ['agent' | 'customer', string][] = []
  if (subjects.agent) keys.push(['agent', subjects.agent])
  keys.push(['customer', subjects.customer])
  for (const [scope, subject] of keys)
    await sql`
      INSERT INTO grant_budget_locks (workspace_id, scope, subject) VALUES (${workspaceId}, ${scope}, ${subject})
      ON CONFLICT (workspace_id, scope, subject) DO UPDATE SET touched_at = now()`.execute(db)
}
