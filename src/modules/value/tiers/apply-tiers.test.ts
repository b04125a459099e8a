import { sql } from 'kysely'
import { expect, it } from 'vitest'
import { describeEachDb, type TestApp } from '../../../../test/test-app.js'
import { applyTiersInParts } from './apply-tiers.js'

const TIERS = ['platinum', 'gold', 'silver', 'bronze']

/** `n` customers, each scored with tier TIERS[i % 4]; customer 1 has a hand-set tier. */
async function seedScored(t: TestApp, workspaceId: string, n: number) {
  await sql`
    INSERT INTO customers (workspace_id, id, external_id, name)
    SELECT ${workspaceId}::uuid, centric_uuid7(), 'c' || i, 'Customer ' || i
    FROM generate_series(1, ${n}::int) i`.execute(t.db)
  await sql`
    INSERT INTO customer_values (workspace_id, customer_id, run_id, first_purchase_on, last_purchase_on,
      purchase_days, frequency, recency, age, monetary, p_alive, expected_purchases, expected_spend, clv,
      revenue, cost_of_goods, gross_margin, cost_to_serve, net_profit, predicted_margin, predicted_net_profit,
      rfm_recency, rfm_frequency, rfm_monetary, rfm_segment, value_tier)
    SELECT c.workspace_id, c.id, centric_uuid7(), date '2025-01-01', date '2025-01-01', 1, 0, 0, 1, 0, 1, 0, 0, 0,
      10, 0, 10, 0, 10, 0, 0, 1, 1, 1, 'lost',
      (${TIERS}::text[])[1 + substr(c.external_id, 2)::int % 4]
    FROM customers c WHERE c.workspace_id = ${workspaceId}`.execute(t.db)
  await t.db
    .updateTable('customers')
    .set({ tier: 'vip', tier_source: 'manual' })
    .where('workspace_id', '=', workspaceId)
    .where('external_id', '=', 'c1')
    .execute()
}

describeEachDb('value tiers on customers', (t) => {
  // The tier update and the scores insert skip these tables' triggers (session_replication_role
  // = replica) where the role may: correct only while the foreign-key checks (internal triggers)
  // are the only ones that fire on the writes they do.
  it('writes tables that have no triggers of their own on those writes', async () => {
    const { rows } = await sql<{ table: string; trigger: string; onInsert: boolean }>`
      SELECT tgrelid::regclass::text AS table, tgname AS trigger, (tgtype & 4) <> 0 AS "onInsert"
      FROM pg_trigger
      WHERE tgrelid IN ('customers'::regclass, 'timeline_events'::regclass, 'customer_values'::regclass)
        AND NOT tgisinternal`.execute(t.db)
    // customer_values' own trigger guards merges (updates of customer_id); scores are inserted.
    expect(rows).toEqual([{ table: 'customer_values', trigger: 'customer_values_merge', onInsert: false }])
  })

  it('applies a large run in parts: every tier once, one event each, hand-set tiers kept', async () => {
    const n = 12_000 // more than two parts' worth
    const ws = await t.newWorkspace()
    const other = await t.newWorkspace()
    await seedScored(t, ws.workspace.id, n)
    await seedScored(t, other.workspace.id, 10)
    const changes = await applyTiersInParts(t.db, ws.workspace.id, { manualTiersWin: true, runId: null })
    expect(changes).toBe(n - 1)
    const { rows } = await sql<{ tier: string | null; source: string | null; n: number }>`
      SELECT tier, tier_source AS source, count(*)::int AS n FROM customers
      WHERE workspace_id = ${ws.workspace.id} GROUP BY 1, 2 ORDER BY 1`.execute(t.db)
    expect(rows).toEqual([
      { tier: 'bronze', source: 'value', n: 3000 },
      { tier: 'gold', source: 'value', n: 2999 },
      { tier: 'platinum', source: 'value', n: 3000 },
      { tier: 'silver', source: 'value', n: 3000 },
      { tier: 'vip', source: 'manual', n: 1 },
    ])
    const events = await sql<{ n: number; customers: number }>`
      SELECT count(*)::int AS n, count(DISTINCT customer_id)::int AS customers FROM timeline_events
      WHERE workspace_id = ${ws.workspace.id} AND type = 'customer.tier_changed'`.execute(t.db)
    expect(events.rows[0]).toEqual({ n: n - 1, customers: n - 1 })
    // The other workspace is untouched, and a second run changes nothing.
    const untouched = await t.db
      .selectFrom('customers')
      .select('tier')
      .where('workspace_id', '=', other.workspace.id)
      .where('tier_source', '=', 'value')
      .execute()
    expect(untouched).toEqual([])
    expect(await applyTiersInParts(t.db, ws.workspace.id, { manualTiersWin: true, runId: null })).toBe(0)
  })
})
