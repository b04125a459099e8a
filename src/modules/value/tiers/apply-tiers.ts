import { sql } from 'kysely'
import type { Executor } from '../../../db/database.js'

/**
 * Sets customers.tier from the scores (tier_source 'value'), set-based, and puts one
 * `customer.tier_changed` event on the timeline of each customer whose tier changed, in the same
 * statement. A hand-set tier (tier_source 'manual') stays while `manualTiersWin`; a value tier
 * whose customer is no longer scored (every purchase refunded) is cleared. Returns the number of
 * tier changes. The value engine writes customers and timeline_events directly, not through the
 * customers module's one-row functions: a run may change a million tiers.
 */
export async function applyTiersToCustomers(
  db: Executor,
  workspaceId: string,
  opts: { manualTiersWin: boolean; runId: string | null },
  part: { of: number; index: number } = { of: 1, index: 0 },
): Promise<number> {
  // A part is the customers whose id's last byte (random in a UUIDv7) falls in it.
  const inPart =
    part.of > 1 ? sql`AND get_byte(uuid_send(c0.id), 15) % ${part.of}::int = ${part.index}::int` : sql``
  const { rows } = await sql<{ n: number }>`
    WITH target AS (
      SELECT c0.id, c0.tier AS old_tier, v.value_tier AS new_tier
      FROM customers c0
      LEFT JOIN customer_values v ON v.workspace_id = c0.workspace_id AND v.customer_id = c0.id
      WHERE c0.workspace_id = ${workspaceId} ${inPart}
        AND CASE WHEN v.customer_id IS NULL THEN c0.tier_source = 'value'
          ELSE (c0.tier_source IS DISTINCT FROM 'manual' OR NOT ${opts.manualTiersWin}::boolean)
            AND (c0.tier, c0.tier_source) IS DISTINCT FROM (v.value_tier, 'value') END
    ), changed AS (
      UPDATE customers c
      SET tier = t.new_tier, tier_source = CASE WHEN t.new_tier IS NULL THEN NULL ELSE 'value' END,
        updated_at = now()
      FROM target t
      WHERE c.workspace_id = ${workspaceId} AND c.id = t.id
      RETURNING c.id, t.old_tier, t.new_tier
    ), events AS (
      INSERT INTO timeline_events (workspace_id, id, customer_id, type, summary, data)
      SELECT ${workspaceId}::uuid, centric_uuid7(), id, 'customer.tier_changed',
        'Tier ' || coalesce(old_tier, 'none') || ' → ' || coalesce(new_tier, 'none') || ' (value engine)',
        jsonb_build_object('from', old_tier, 'to', new_tier, 'source', 'value', 'runId', ${opts.runId}::text)
      FROM changed WHERE old_tier IS DISTINCT FROM new_tier
      RETURNING 1
    )
    SELECT count(*)::int AS n FROM events`.execute(db)
  return rows[0]?.n ?? 0
}

/**
 * A large tier update runs as two statements at once, one per half of the customers: each part
 * joins every customer to its score once, so more parts would repeat those scans.
 */
const PARTS = 2
const CONCURRENCY = 2

/**
 * `applyTiersToCustomers` over the whole workspace in parts, two at a time on a connection pool.
 * A first run updates every scored customer, and a customer row carries many indexes: on two
 * cores, two statements at once take about half the time. Each part commits on its own (its
 * tier updates and timeline events together); a run that stops midway leaves tiers that the next
 * run, or `recomputeTiers`, completes. Inside a transaction it is one statement.
 */
export async function applyTiersInParts(
  db: Executor,
  workspaceId: string,
  opts: { manualTiersWin: boolean; runId: string | null },
): Promise<number> {
  if (db.isTransaction) return applyTiersToCustomers(db, workspaceId, opts)
  // The scores were just rewritten, and the customers may be freshly imported: with statistics
  // from before, the planner expects a handful of rows and picks a nested loop that rescans one
  // table per row of the other (at 100,000 customers: over 7 minutes instead of 8 seconds a part).
  // ANALYZE reads a fixed-size sample, about a second at a million rows.
  await sql`ANALYZE customer_values`.execute(db)
  await sql`ANALYZE customers`.execute(db)
  let next = 0
  let changes = 0
  const worker = async () => {
    while (next < PARTS) {
      const index = next++
      const n = await applyTiersToCustomers(db, workspaceId, opts, { of: PARTS, index })
      changes += n // after the await: `changes += await …` would add to a stale total
    }
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, worker))
  return changes
}
