import { type Kysely, type RawBuilder, sql } from 'kysely'
import type { DB, Executor } from '../../../db/database.js'
import { maySkipForeignKeyChecks } from '../../../db/foreign-key-checks.js'
import { withSession } from '../scoring/session.js'

interface ApplyOptions {
  manualTiersWin: boolean
  runId: string | null
}

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
  opts: ApplyOptions,
): Promise<number> {
  return applyChanges(db, workspaceId, opts, tierChanges(workspaceId, opts))
}

/**
 * The customers whose tier the scores change: id, tier and source now, the new tier, and the
 * row's line number in its page (ctid is (page, line); as a point, [1] is the line).
 */
function tierChanges(workspaceId: string, opts: ApplyOptions): RawBuilder<unknown> {
  return sql`
    SELECT c0.id, c0.tier AS old_tier, c0.tier_source AS old_source, v.value_tier AS new_tier,
      ((c0.ctid::text::point)[1])::int AS line
    FROM customers c0
    LEFT JOIN customer_values v ON v.workspace_id = c0.workspace_id AND v.customer_id = c0.id
    WHERE c0.workspace_id = ${workspaceId}
      AND CASE WHEN v.customer_id IS NULL THEN c0.tier_source = 'value'
        ELSE (c0.tier_source IS DISTINCT FROM 'manual' OR NOT ${opts.manualTiersWin}::boolean)
          AND (c0.tier, c0.tier_source) IS DISTINCT FROM (v.value_tier, 'value') END`
}

/**
 * Applies `changes` (rows of id, old_tier, old_source, new_tier) with one timeline event per
 * change. A customer whose tier someone changed since `changes` was read is left alone: the
 * next run, or `recomputeTiers`, decides it again.
 */
async function applyChanges(
  db: Executor,
  workspaceId: string,
  opts: ApplyOptions,
  changes: RawBuilder<unknown>,
): Promise<number> {
  // Only tier, tier_source and updated_at change, none of them indexed: the update is heap-only
  // (HOT) where the page has room (see migration 2026_11_23_0070).
  const { rows } = await sql<{ n: number }>`
    WITH target AS (${changes}), changed AS (
      UPDATE customers c
      SET tier = t.new_tier, tier_source = CASE WHEN t.new_tier IS NULL THEN NULL ELSE 'value' END,
        updated_at = now()
      FROM target t
      WHERE c.workspace_id = ${workspaceId} AND c.id = t.id
        AND c.tier IS NOT DISTINCT FROM t.old_tier AND c.tier_source IS NOT DISTINCT FROM t.old_source
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

/** Slots of a page's rows (by line number): a part takes one, or several when changes are few. */
const SLOTS = 16
/** At least this many changes in a part. */
const MIN_PART = 5_000

/**
 * `applyTiersToCustomers` for a whole run, in parts that each commit on their own. A heap-only
 * update needs room for the new row version on the row's own page, and a row version replaced in
 * a transaction still running takes its room until that transaction ends. So a part takes one
 * row in 16 of each page (by its line number in the page): fillfactor 90 leaves room for about
 * three more rows a page, and once a part commits, the next one to touch the page prunes the old
 * versions. In one statement, a first run (every tier new) would fill each page after its first
 * rows and move the rest to new pages, with an entry in every index. The parts run one after the
 * other on one session: two sessions at once (two cores) kept each other's old versions from
 * being pruned, and one update in eight was no longer heap-only, which cost more than the second
 * core gave. The changes are read once into a temporary table, so the parts do not each join
 * every customer to its score. A run that stops midway leaves tiers that the next run, or
 * `recomputeTiers`, completes. Inside a transaction it is one statement.
 */
export async function applyTiersInParts(
  db: Executor,
  workspaceId: string,
  opts: ApplyOptions,
): Promise<number> {
  if (db.isTransaction) return applyTiersToCustomers(db, workspaceId, opts)
  // The scores were just rewritten, and the customers may be freshly imported: with statistics
  // from before, the planner expects a handful of rows and picks a nested loop that rescans one
  // table per row of the other (at 100,000 customers: over 7 minutes instead of 8 seconds).
  // ANALYZE reads a fixed-size sample; only the columns the join reads.
  await sql`ANALYZE customer_values (workspace_id, customer_id, value_tier)`.execute(db)
  await sql`ANALYZE customers (workspace_id, id, tier, tier_source)`.execute(db)
  return withSession(db, (session) => applyInParts(session, workspaceId, opts))
}

async function applyInParts(session: Kysely<DB>, workspaceId: string, opts: ApplyOptions): Promise<number> {
  await sql`DROP TABLE IF EXISTS value_tier_changes`.execute(session)
  try {
    await sql`
      CREATE TEMP TABLE value_tier_changes AS
      SELECT t.*, t.line % ${SLOTS}::int AS slot FROM (${tierChanges(workspaceId, opts)}) t`.execute(session)
    const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM value_tier_changes`.execute(
      session,
    )
    const total = rows[0]?.n ?? 0
    if (total === 0) return 0
    const parts = Math.max(1, Math.min(SLOTS, Math.floor(total / MIN_PART)))
    await sql`CREATE INDEX ON value_tier_changes (slot)`.execute(session)
    await sql`ANALYZE value_tier_changes`.execute(session)
    // The events' foreign keys hold by construction: each event's customer is the row its own
    // statement just updated (locked until commit, so a delete waits and then cascades), in the
    // workspace being scored. Where the role may, the per-row checks (over a third of a part's
    // time) are skipped; customers and timeline_events have no other triggers
    // (apply-tiers.test.ts keeps it so).
    const skipChecks = await maySkipForeignKeyChecks(session)
    let changes = 0
    for (let part = 0; part < parts; part++) {
      // With fewer parts than slots a part takes several; every slot lands in exactly one.
      const slots = Array.from({ length: SLOTS }, (_, s) => s).filter((s) => s % parts === part)
      changes += await session.transaction().execute(async (trx) => {
        if (skipChecks) await sql`SET LOCAL session_replication_role = replica`.execute(trx)
        // A part is a sixteenth of the customers: the planner would hash it and read every
        // customer for it (a full scan per part); by primary key it reads only its own.
        await sql`SET LOCAL enable_hashjoin = off`.execute(trx)
        await sql`SET LOCAL enable_mergejoin = off`.execute(trx)
        return applyChanges(
          trx,
          workspaceId,
          opts,
          sql`SELECT id, old_tier, old_source, new_tier FROM value_tier_changes WHERE slot = ANY(${slots}::int[])`,
        )
      })
    }
    return changes
  } finally {
    await sql`DROP TABLE IF EXISTS value_tier_changes`.execute(session)
  }
}
