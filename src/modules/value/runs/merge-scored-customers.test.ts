import { sql } from 'kysely'
import { expect, it } from 'vitest'
import { describeEachDb } from '../../../../test/test-app.js'
import { systemActor } from '../../platform/index.js'
import { recordCostEntries } from '../profit/record-cost-entries.js'
import { scoreWorkspace } from './score-workspace.js'

describeEachDb('merging scored customers', (t) => {
  it('keeps the survivor scores, drops the merged ones and moves the costs', async () => {
    const ws = await t.newWorkspace()
    const post = async (url: string, payload: object) =>
      (await t.request({ method: 'POST', url, headers: ws.headers, payload })).json()
    const ids: string[] = []
    for (let i = 0; i < 12; i++) {
      const c = await post('/api/customers', { externalId: `M${i}`, name: `Merge ${i}` })
      ids.push(c.id)
      for (let k = 0; k <= i % 3; k++)
        await post('/api/purchases', {
          customerId: c.id,
          amount: '20.00',
          occurredAt: `2026-0${k + 1}-1${i % 10}T12:00:00Z`,
        })
    }
    const costs = await recordCostEntries(t.db, ws.workspace.id, 'service', [
      {
        customerId: ids[1],
        kind: 'case.email',
        amount: '3.50',
        occurredAt: new Date('2026-04-01'),
        reference: 'c-1',
      },
      {
        customerExternalId: 'M1',
        kind: 'case.email',
        amount: '3.50',
        occurredAt: new Date('2026-04-01'),
        reference: 'c-1',
      },
      { customerExternalId: 'nobody', kind: 'goodwill', amount: '1.00', occurredAt: new Date('2026-04-02') },
    ])
    expect(costs).toMatchObject({ unknownCustomers: [2], duplicates: 1 })
    expect(costs.inserted).toHaveLength(1)
    const run = await scoreWorkspace(t.db, systemActor(ws.workspace.id), { calibrationEnd: '2026-06-30' })
    expect(run.status, run.message ?? '').toBe('succeeded')
    const survivorBefore = await t.db
      .selectFrom('customer_values')
      .selectAll()
      .where('workspace_id', '=', ws.workspace.id)
      .where('customer_id', '=', ids[0]!)
      .executeTakeFirstOrThrow()

    const merge = await t.request({
      method: 'POST',
      url: `/api/customers/${ids[0]}/merge`,
      headers: ws.headers,
      payload: { mergedId: ids[1] },
    })
    expect(merge.statusCode, merge.body).toBe(200)
    expect(merge.json().moved).toMatchObject({ cost_entries: 1 })
    const { rows } = await sql<{ customer_id: string; clv: string }>`
      SELECT customer_id, clv FROM customer_values
      WHERE workspace_id = ${ws.workspace.id} AND customer_id IN (${ids[0]}, ${ids[1]})`.execute(t.db)
    expect(rows).toEqual([{ customer_id: ids[0], clv: survivorBefore.clv }])
  })

  it('lets no score outlive its customer when a merge lands while the scores are written', async (ctx) => {
    // Two sessions at once: the embedded database has one.
    if (t.kind === 'pglite') ctx.skip()
    const ws = await t.newWorkspace()
    const post = async (url: string, payload: object) =>
      (await t.request({ method: 'POST', url, headers: ws.headers, payload })).json()
    const ids: string[] = []
    for (let i = 0; i < 6; i++) {
      const c = await post('/api/customers', { externalId: `R${i}`, name: `Race ${i}` })
      ids.push(c.id)
      await post('/api/purchases', { customerId: c.id, amount: '15.00', occurredAt: '2026-02-01T12:00:00Z' })
      await post('/api/purchases', {
        customerId: c.id,
        amount: '25.00',
        occurredAt: `2026-03-0${i + 1}T12:00:00Z`,
      })
    }
    // The summary names ids[5]; the merge removes it just as the scores are about to be written.
    let merge: Promise<{ statusCode: number; body: string }> | undefined
    const run = await scoreWorkspace(
      t.db,
      systemActor(ws.workspace.id),
      { calibrationEnd: '2026-06-30' },
      (p) => {
        if (p.phase === 'writing' && !merge)
          merge = t.request({
            method: 'POST',
            url: `/api/customers/${ids[0]}/merge`,
            headers: ws.headers,
            payload: { mergedId: ids[5] },
          })
      },
    )
    expect(run.status, run.message ?? '').toBe('succeeded')
    const merged = await merge!
    expect(merged.statusCode, merged.body).toBe(200)
    const { rows } = await sql<{ customer_id: string }>`
      SELECT v.customer_id FROM customer_values v
      WHERE v.workspace_id = ${ws.workspace.id}
        AND NOT EXISTS (SELECT FROM customers c WHERE c.workspace_id = v.workspace_id AND c.id = v.customer_id)`.execute(
      t.db,
    )
    expect(rows).toEqual([])
    const scored = await t.db
      .selectFrom('customer_values')
      .select('customer_id')
      .where('workspace_id', '=', ws.workspace.id)
      .execute()
    expect(scored.map((r) => r.customer_id).sort()).toEqual(ids.slice(0, 5).sort())
  })
})
