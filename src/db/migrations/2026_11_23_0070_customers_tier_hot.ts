import type { Kysely } from 'kysely'
import { runStatements } from './run-statements.js'

// The value engine sets the tier of every customer whose tier changes: on a first run, all of
// them. A customer row carries 16 indexes, 6 of them GIN; while `tier` was indexed, each tier
// change was a non-HOT update that inserted into every one of them (about 3 KB of WAL a row,
// 13 s per 100,000 customers). With no index on `tier` (nor on `tier_source` or `updated_at`, the
// other columns it sets), a tier change is a heap-only update when the new row version fits on
// its page: fillfactor 90 leaves that room on newly written pages, and the value engine updates a
// slice of each page at a time (see apply-tiers.ts). A tier filter in the customer list still
// works: a common tier is found in the list's first rows (the bounded window of
// find-customers.ts), a rare one by reading the workspace's customers.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    DROP INDEX customers_tier_idx;
    ALTER TABLE customers SET (fillfactor = 90)
  `,
  )
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    ALTER TABLE customers RESET (fillfactor);
    CREATE INDEX customers_tier_idx ON customers (workspace_id, tier, id)
  `,
  )
}
