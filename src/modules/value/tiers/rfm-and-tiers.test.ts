import { sql } from 'kysely'
import { expect, it } from 'vitest'
import { describeEachDb, type TestApp } from '../../../../test/test-app.js'
import { systemActor } from '../../platform/index.js'
import { rfmSegmentOf, rfmSegmentSql } from '../reports/rfm-segments.js'
import { scoreWorkspace } from '../runs/score-workspace.js'
import { DEFAULT_TIER_RULES } from './tier-rules.js'

/**
 * Ten customers built so every score is known by hand. Customer i has i purchase days in a row
 * (frequency rank i), its last one on the June day below (recency rank), and a revenue of
 * 100·(11 − i) (c1 spends most).
 */
const LAST_DAY: Record<number, number> = { 9: 1, 2: 2, 3: 3, 6: 4, 5: 5, 8: 6, 4: 7, 7: 8, 10: 9, 1: 10 }
const EXPECTED: Record<string, [number, number, number, string, string]> = {
  // R, F, M, segment, tier by revenue (5/15/30/50 of ten: 1 platinum, 1 gold, 3 silver, 5 bronze)
  c1: [5, 1, 5, 'new', 'platinum'],
  c2: [1, 1, 5, 'lost', 'gold'],
  c3: [2, 2, 4, 'hibernating', 'silver'],
  c4: [4, 2, 4, 'potential_loyalists', 'silver'],
  c5: [3, 3, 3, 'loyal', 'silver'],
  c6: [2, 3, 3, 'at_risk', 'bronze'],
  c7: [4, 4, 2, 'loyal', 'bronze'],
  c8: [3, 4, 2, 'loyal', 'bronze'],
  c9: [1, 5, 1, 'cant_lose_them', 'bronze'],
  c10: [5, 5, 1, 'champions', 'bronze'],
}

async function seedTen(t: TestApp, workspaceId: string) {
  await sql`
    INSERT INTO customers (workspace_id, id, external_id, name)
    SELECT ${workspaceId}::uuid, centric_uuid7(), 'c' || i, 'Customer ' || i FROM generate_series(1, 10) i`.execute(
    t.db,
  )
  // Day k of customer i (k = 1..i) ends on its last day; the first day carries the rest of the revenue.
  await sql`
    INSERT INTO purchases (workspace_id, customer_id, amount, occurred_at)
    SELECT ${workspaceId}::uuid, c.id,
      CASE WHEN k = 1 THEN 100 * (11 - l.i) - 10 * (l.i - 1) ELSE 10 END,
      date '2025-06-01' + (l.last - 1) - (l.i - k) + time '12:00'
    FROM unnest(${Object.keys(LAST_DAY).map(Number)}::int[], ${Object.values(LAST_DAY)}::int[]) AS l(i, last)
    CROSS JOIN LATERAL generate_series(1, l.i) k
    JOIN customers c ON c.workspace_id = ${workspaceId} AND c.external_id = 'c' || l.i`.execute(t.db)
}

const scores = async (t: TestApp, workspaceId: string) => {
  const rows = await t.db
    .selectFrom('customer_values as v')
    .innerJoin('customers as c', (j) =>
      j.onRef('c.workspace_id', '=', 'v.workspace_id').onRef('c.id', '=', 'v.customer_id'),
    )
    .select([
      'c.external_id',
      'v.rfm_recency',
      'v.rfm_frequency',
      'v.rfm_monetary',
      'v.rfm_segment',
      'v.value_tier',
      'c.tier',
      'c.tier_source',
    ])
    .where('v.workspace_id', '=', workspaceId)
    .execute()
  return Object.fromEntries(rows.map((r) => [r.external_id!, r]))
}

describeEachDb('RFM scores, segments and value tiers', (t) => {
  it('scores a hand-checked dataset, keeps a hand-set tier, and re-tiers when the rules change', async () => {
    const ws = await t.newWorkspace()
    await seedTen(t, ws.workspace.id)
    await t.db
      .updateTable('customers')
      .set({ tier: 'vip', tier_source: 'manual' })
      .where('workspace_id', '=', ws.workspace.id)
      .where('external_id', '=', 'c10')
      .execute()
    const put = await t.request({
      method: 'PUT',
      url: '/api/value/tiers',
      headers: ws.headers,
      payload: { ...DEFAULT_TIER_RULES, basis: 'revenue' },
    })
    expect(put.statusCode, put.body).toBe(200)
    const run = await scoreWorkspace(t.db, systemActor(ws.workspace.id), {
      calibrationEnd: '2025-06-30',
      unit: 'days',
    })
    expect(run.status, run.message ?? '').toBe('succeeded')
    expect(run.customersScored).toBe(10)
    expect(run.tierChanges).toBe(9) // c10 keeps its hand-set tier

    const got = await scores(t, ws.workspace.id)
    for (const [id, [r, f, m, segment, tier]] of Object.entries(EXPECTED)) {
      const row = got[id]!
      expect(
        [row.rfm_recency, row.rfm_frequency, row.rfm_monetary, row.rfm_segment, row.value_tier],
        id,
      ).toEqual([r, f, m, segment, tier])
      if (id !== 'c10') expect([row.tier, row.tier_source], id).toEqual([tier, 'value'])
    }
    expect([got.c10!.tier, got.c10!.tier_source]).toEqual(['vip', 'manual'])

    // New rules: value tiers replace hand-set ones, and one platinum, one gold, eight bronze.
    const rules = {
      basis: 'revenue',
      manualTiersWin: false,
      tiers: [
        { name: 'platinum', percent: 10 },
        { name: 'gold', percent: 10 },
        { name: 'bronze', percent: 80 },
      ],
    }
    const again = await t.request({
      method: 'PUT',
      url: '/api/value/tiers',
      headers: ws.headers,
      payload: rules,
    })
    expect(again.json()).toEqual({ rules, tierChanges: 4 }) // c3, c4, c5 silver → bronze; c10 vip → bronze
    const after = await scores(t, ws.workspace.id)
    expect(Object.values(after).filter((r) => r.tier === 'bronze')).toHaveLength(8)
    expect([after.c10!.tier, after.c10!.tier_source]).toEqual(['bronze', 'value'])
    const events = await t.db
      .selectFrom('timeline_events')
      .select(['summary', 'data'])
      .where('workspace_id', '=', ws.workspace.id)
      .where('type', '=', 'customer.tier_changed')
      .execute()
    expect(events).toHaveLength(13)
    expect(events.map((e) => e.summary)).toContain('Tier vip → bronze (value engine)')

    const refused = await t.request({
      method: 'PUT',
      url: '/api/value/tiers',
      headers: ws.headers,
      payload: { tiers: [{ name: 'gold', percent: 60 }] },
    })
    expect(refused.statusCode).toBe(400)
    expect(refused.json().errors[0].message).toContain('add up to 60')
  })

  it('names every cell of the RFM grid the same way in SQL and in TypeScript', async () => {
    const cells = Array.from({ length: 25 }, (_, i) => [Math.floor(i / 5) + 1, (i % 5) + 1] as const)
    const { rows } = await sql<{ r: number; f: number; segment: string }>`
      SELECT g.r, g.f, ${rfmSegmentSql(sql.ref('g.r'), sql.ref('g.f'))} AS segment
      FROM unnest(${cells.map((c) => c[0])}::int[], ${cells.map((c) => c[1])}::int[]) AS g(r, f)`.execute(
      t.db,
    )
    for (const row of rows) expect(row.segment, `R${row.r} F${row.f}`).toBe(rfmSegmentOf(row.r, row.f))
    expect(new Set(rows.map((r) => r.segment)).size).toBe(8)
  })
})
