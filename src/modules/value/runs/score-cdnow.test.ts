import { readFileSync } from 'node:fs'
import { sql } from 'kysely'
import { expect, it } from 'vitest'
import { describeEachDb } from '../../../../test/test-app.js'
import { systemActor } from '../../platform/index.js'
import { dataFile } from '../models/cdnow.test-data.js'
import { bgNbdPredictor, holdoutByFrequency } from '../models/index.js'
import { readCustomerSummary } from '../scoring/read-customer-summary.js'
import { buildCustomerSummary, formatDay, parseCdnowText } from '../summary/index.js'
import { scoreWorkspace } from './score-workspace.js'

const log = parseCdnowText(readFileSync(dataFile('CDNOW_sample.txt'), 'utf8'))
const fromCsv = buildCustomerSummary(log, {
  calibrationEnd: '1997-09-30',
  unit: 'weeks',
  holdoutEnd: '1998-06-30',
})

/** The CDNOW sample as customers and purchases, inserted set-based (noon UTC, workspace in UTC). */
async function loadCdnow(db: Parameters<typeof scoreWorkspace>[0], workspaceId: string) {
  const ids = [...new Set(log.customer)]
  await sql`
    INSERT INTO customers (workspace_id, id, external_id, name)
    SELECT ${workspaceId}::uuid, centric_uuid7(), id, 'CDNOW ' || id FROM unnest(${ids}::text[]) AS id`.execute(
    db,
  )
  await sql`
    INSERT INTO purchases (workspace_id, customer_id, amount, occurred_at)
    SELECT ${workspaceId}::uuid, c.id, l.amount, l.day::date + time '12:00'
    FROM unnest(${log.customer}::text[], ${Array.from(log.day, formatDay)}::text[], ${Array.from(log.amount)}::numeric[])
      AS l(customer, day, amount)
    JOIN customers c ON c.workspace_id = ${workspaceId} AND c.external_id = l.customer`.execute(db)
}

describeEachDb('value scoring on the CDNOW sample', (t) => {
  it('builds in SQL the same summary as the CSV path, and reaches the published fits', async () => {
    const { workspace } = await t.newWorkspace()
    await loadCdnow(t.db, workspace.id)

    const db = await readCustomerSummary(t.db, workspace.id, {
      calibrationEnd: '1997-09-30',
      holdoutEnd: '1998-06-30',
      unit: 'weeks',
    })
    expect(db.ids.length).toBe(2357)
    const row = new Map(db.ids.map((id, i) => [id, i]))
    fromCsv.ids.forEach((id, i) => {
      const j = row.get(id)!
      expect([db.x[j], db.tx[j], db.T[j], db.holdoutPurchases[j]], id).toEqual([
        fromCsv.x[i],
        fromCsv.tx[i],
        fromCsv.T[i],
        fromCsv.holdoutPurchases[i],
      ])
      expect(db.monetary[j]).toBeCloseTo(fromCsv.monetary[i]!, 9)
    })

    const run = await scoreWorkspace(t.db, systemActor(workspace.id), {
      calibrationEnd: '1997-09-30',
      holdoutEnd: '1998-06-30',
      unit: 'weeks',
    })
    expect(run.status, run.message ?? '').toBe('succeeded')
    const result = run.result as {
      params: { r: number; alpha: number; a: number; b: number }
      logLikelihood: number
      spend: { params: { p: number; q: number; v: number } }
      holdout: { byFrequency: { actual: number; predicted: number; customers: number }[] }
    }
    expect(result.params.r).toBeCloseTo(0.243, 3)
    expect(result.params.alpha).toBeCloseTo(4.414, 2)
    expect(result.params.a).toBeCloseTo(0.793, 3)
    expect(result.params.b).toBeCloseTo(2.426, 2)
    expect(result.logLikelihood).toBeCloseTo(-9582.4, 1)
    expect(result.spend.params.q).toBeCloseTo(3.74, 1)
    // The holdout comparison matches the one the CSV path computes with the same parameters.
    const expected = holdoutByFrequency(bgNbdPredictor(result.params), fromCsv)
    result.holdout.byFrequency.forEach((b, k) => {
      expect(b.customers).toBe(expected[k]!.customers)
      expect(b.actual).toBeCloseTo(expected[k]!.actual, 9)
      expect(b.predicted).toBeCloseTo(expected[k]!.predicted, 6)
    })
    // An evaluation run leaves customers alone.
    const scored = await t.db
      .selectFrom('customer_values')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('workspace_id', '=', workspace.id)
      .executeTakeFirstOrThrow()
    expect(Number(scored.n)).toBe(0)
  })

  it('scores every customer, with tiers in the configured shares and one timeline event each', async () => {
    const { workspace } = await t.newWorkspace()
    await loadCdnow(t.db, workspace.id)
    const run = await scoreWorkspace(t.db, systemActor(workspace.id), {
      calibrationEnd: '1998-06-30',
      unit: 'weeks',
    })
    expect(run.status, run.message ?? '').toBe('succeeded')
    expect(run.customersScored).toBe(2357)
    expect(run.tierChanges).toBe(2357)
    const tiers = await sql<{ tier: string; n: number }>`
      SELECT tier, count(*)::int AS n FROM customers WHERE workspace_id = ${workspace.id} GROUP BY tier`.execute(
      t.db,
    )
    const count = Object.fromEntries(tiers.rows.map((r) => [r.tier, r.n])) as Record<string, number>
    expect(count.platinum).toBeGreaterThanOrEqual(Math.floor(2357 * 0.05))
    expect(count.platinum).toBeLessThan(2357 * 0.06)
    expect(count.platinum! + count.gold!).toBeGreaterThanOrEqual(Math.floor(2357 * 0.2))
    const events = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM timeline_events
      WHERE workspace_id = ${workspace.id} AND type = 'customer.tier_changed'`.execute(t.db)
    expect(events.rows[0]!.n).toBe(2357)

    // Scoring again changes no tier and adds no event.
    const again = await scoreWorkspace(t.db, systemActor(workspace.id), { calibrationEnd: '1998-06-30' })
    expect(again.status).toBe('succeeded')
    expect(again.tierChanges).toBe(0)
  })
})
