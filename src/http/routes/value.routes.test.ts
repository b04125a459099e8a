import { sql } from 'kysely'
import { expect, it } from 'vitest'
import { describeEachDb, type TestApp, type TestWorkspace } from '../../../test/test-app.js'

/**
 * A small shop of 40 customers, set-based: S1 bought twice (10.50 and 11.50, cost 5.00 each); the
 * others buy 1 to 8 times over the first half of 2026, the heavier buyers more recently.
 */
async function seedShop(t: TestApp, ws: TestWorkspace) {
  const post = async (url: string, payload: object, headers = ws.headers) => {
    const res = await t.request({ method: 'POST', url, headers, payload })
    expect(res.statusCode, `${url} ${res.body}`).toBeLessThan(300)
    return res.json()
  }
  const lines: { customer: string; day: number; amount: string }[] = [
    { customer: 'S1', day: 1, amount: '10.50' },
    { customer: 'S1', day: 21, amount: '11.50' },
  ]
  for (let i = 2; i <= 40; i++) {
    const n = 1 + ((i * 7) % 8)
    for (let k = 0; k < n; k++)
      lines.push({
        customer: `S${i}`,
        day: (i * 3 + k * (170 / n)) % 180,
        amount: `${5 + ((i * k) % 40)}.25`,
      })
  }
  await sql`
    INSERT INTO customers (workspace_id, id, external_id, name)
    SELECT ${ws.workspace.id}::uuid, centric_uuid7(), 'S' || i, 'Shopper ' || i FROM generate_series(1, 40) i`.execute(
    t.db,
  )
  await sql`
    INSERT INTO purchases (workspace_id, customer_id, amount, cost, occurred_at)
    SELECT ${ws.workspace.id}::uuid, c.id, l.amount, 5.00, date '2026-01-01' + l.day::int + time '12:00'
    FROM unnest(${lines.map((l) => l.customer)}::text[], ${lines.map((l) => Math.floor(l.day))}::int[],
      ${lines.map((l) => l.amount)}::numeric[]) AS l(customer, day, amount)
    JOIN customers c ON c.workspace_id = ${ws.workspace.id} AND c.external_id = l.customer`.execute(t.db)
  const ids = (
    await t.db
      .selectFrom('customers')
      .select(['id', 'external_id'])
      .where('workspace_id', '=', ws.workspace.id)
      .execute()
  )
    .sort((a, b) => Number(a.external_id!.slice(1)) - Number(b.external_id!.slice(1)))
    .map((c) => c.id)
  return { post, ids }
}

async function waitForRun(t: TestApp, ws: TestWorkspace, id: string) {
  for (let i = 0; i < 200; i++) {
    const run = (await t.request({ method: 'GET', url: `/api/value/runs/${id}`, headers: ws.headers })).json()
    if (run.status === 'succeeded' || run.status === 'failed') return run
    await new Promise((r) => setTimeout(r, 50))
  }
  throw new Error('run did not finish')
}

describeEachDb('value routes', (t) => {
  it('runs a score in the background and serves value cards, summary, costs and service fit', async () => {
    const ws = await t.newWorkspace()
    const { post, ids } = await seedShop(t, ws)
    const cost = await post('/api/value/costs', {
      customerId: ids[0],
      kind: 'case.phone',
      amount: '400.00',
      occurredAt: '2026-03-01T10:00:00Z',
      reference: 'case-1',
    })
    expect(cost).toMatchObject({ source: 'api', kind: 'case.phone', amount: '400.00' })
    const replay = await t.request({
      method: 'POST',
      url: '/api/value/costs',
      headers: ws.headers,
      payload: {
        customerId: ids[0],
        kind: 'case.phone',
        amount: '400',
        occurredAt: '2026-03-01T10:00:00Z',
        reference: 'case-1',
      },
    })
    expect(replay.statusCode).toBe(200)
    const clash = await t.request({
      method: 'POST',
      url: '/api/value/costs',
      headers: ws.headers,
      payload: {
        customerId: ids[0],
        kind: 'goodwill',
        amount: '5',
        occurredAt: '2026-03-01T10:00:00Z',
        reference: 'case-1',
      },
    })
    expect(clash.statusCode).toBe(409)
    const unknown = await t.request({
      method: 'POST',
      url: '/api/value/costs',
      headers: ws.headers,
      payload: {
        customerExternalId: 'nobody',
        kind: 'goodwill',
        amount: '5',
        occurredAt: '2026-03-01T10:00:00Z',
      },
    })
    expect(unknown.statusCode).toBe(400)
    expect(unknown.json().errors).toEqual([{ path: 'customerExternalId', message: 'no such customer' }])

    const card0 = (
      await t.request({ method: 'GET', url: `/api/customers/${ids[0]}/value`, headers: ws.headers })
    ).json()
    expect(card0).toMatchObject({ scored: false, clv: null, costToServe: '400.00', rfm: null })

    const started = await t.request({
      method: 'POST',
      url: '/api/value/runs',
      headers: ws.headers,
      payload: { calibrationEnd: '2026-06-30', unit: 'days' },
    })
    expect(started.statusCode, started.body).toBe(202)
    expect(started.json().status).toBe('queued')
    const run = await waitForRun(t, ws, started.json().id)
    expect(run.status, run.message).toBe('succeeded')
    expect(run.customersScored).toBe(40)
    expect(run.result).toMatchObject({ model: 'bgnbd', customers: 40, params: { r: expect.any(Number) } })
    expect(run.result.standardErrors).toHaveProperty('alpha')

    const card = (
      await t.request({ method: 'GET', url: `/api/customers/${ids[0]}/value`, headers: ws.headers })
    ).json()
    expect(card).toMatchObject({ scored: true, runId: run.id, horizonMonths: 12, costToServe: '400.00' })
    // Shopper 1 bought twice (10.50, 11.50) at cost 5.00 each.
    expect(card).toMatchObject({
      revenue: '22.00',
      costOfGoods: '10.00',
      grossMargin: '12.00',
      netProfit: '-388.00',
    })
    expect(Number(card.clv)).toBeGreaterThan(0)
    expect(card.pAlive).toBeGreaterThan(0)
    expect(card.rfm.segment).toEqual(expect.any(String))
    expect(card.tier).toBe(card.valueTier)

    const summary = (
      await t.request({ method: 'GET', url: '/api/value/summary', headers: ws.headers })
    ).json()
    expect(summary.customers).toBe(40)
    expect(summary.clvHistogram).toHaveLength(20)
    expect(summary.clvHistogram.reduce((s: number, b: { customers: number }) => s + b.customers, 0)).toBe(40)
    expect(summary.rfmGrid.reduce((s: number, c: { customers: number }) => s + c.customers, 0)).toBe(40)
    expect(summary.tiers.reduce((s: number, c: { customers: number }) => s + c.customers, 0)).toBe(40)
    expect(summary.profitPoints.length).toBe(40)

    const over = (
      await t.request({ method: 'GET', url: '/api/value/service-fit?kind=over', headers: ws.headers })
    ).json()
    expect(over.items.map((i: { customerId: string }) => i.customerId)).toEqual([ids[0]])
    expect(over.items[0].reasons).toEqual(['cost_above_share'])
    const under = (
      await t.request({
        method: 'GET',
        url: '/api/value/service-fit?kind=under&inactiveDays=1&limit=1',
        headers: ws.headers,
      })
    ).json()
    expect(under.items).toHaveLength(1)
    expect(under.items[0].reasons).toContain('inactive')
    expect(['platinum', 'gold']).toContain(under.items[0].tier)
    const next = (
      await t.request({
        method: 'GET',
        url: `/api/value/service-fit?kind=under&inactiveDays=1&limit=1&cursor=${under.nextCursor}`,
        headers: ws.headers,
      })
    ).json()
    expect(next.items[0].customerId).not.toBe(under.items[0].customerId)

    const runs = (await t.request({ method: 'GET', url: '/api/value/runs', headers: ws.headers })).json()
    expect(runs.items.map((r: { id: string }) => r.id)).toEqual([run.id])
  })

  it('evaluates on a holdout without writing scores', async () => {
    const ws = await t.newWorkspace()
    await seedShop(t, ws)
    const started = await t.request({
      method: 'POST',
      url: '/api/value/runs',
      headers: ws.headers,
      payload: { calibrationEnd: '2026-01-31', holdoutEnd: '2026-03-31', unit: 'days' },
    })
    const run = await waitForRun(t, ws, started.json().id)
    expect(run.status, run.message).toBe('succeeded')
    expect(run.customersScored).toBeNull()
    expect(run.result.holdout.byFrequency).toHaveLength(8)
    expect(run.result.holdout.tracking.actual.length).toBe(run.result.holdout.tracking.predicted.length)
    const summary = (
      await t.request({ method: 'GET', url: '/api/value/summary', headers: ws.headers })
    ).json()
    expect(summary).toMatchObject({ runId: null, customers: 0 })
  })

  it('refuses a second run while one is active, and replaces a run whose process died', async () => {
    const ws = await t.newWorkspace()
    const stuck = '018f0000-0000-7000-8000-000000000001'
    await t.db
      .insertInto('value_runs')
      .values({ workspace_id: ws.workspace.id, id: stuck, status: 'running', options: '{}' })
      .execute()
    const second = await t.request({
      method: 'POST',
      url: '/api/value/runs',
      headers: ws.headers,
      payload: {},
    })
    expect(second.statusCode).toBe(409)
    expect(second.json().code).toBe('RUN_IN_PROGRESS')
    await t.db
      .updateTable('value_runs')
      .set({ updated_at: new Date(Date.now() - 20 * 60_000) })
      .where('workspace_id', '=', ws.workspace.id)
      .execute()
    const third = await t.request({
      method: 'POST',
      url: '/api/value/runs',
      headers: ws.headers,
      payload: {},
    })
    expect(third.statusCode).toBe(202)
    await waitForRun(t, ws, third.json().id)
    const old = (
      await t.request({ method: 'GET', url: `/api/value/runs/${stuck}`, headers: ws.headers })
    ).json()
    expect(old).toMatchObject({ status: 'failed', message: expect.stringContaining('interrupted') })
  })

  it('fails a run with a message when there is nothing to fit', async () => {
    const ws = await t.newWorkspace()
    const started = await t.request({
      method: 'POST',
      url: '/api/value/runs',
      headers: ws.headers,
      payload: {},
    })
    const run = await waitForRun(t, ws, started.json().id)
    expect(run).toMatchObject({ status: 'failed', message: expect.stringContaining('no customer') })
  })

  it('lets analysts read and only managers and above configure', async () => {
    const ws = await t.newWorkspace()
    const analyst = await ws.as('analyst')
    const agent = await ws.as('agent')
    expect((await t.request({ method: 'GET', url: '/api/value/summary', headers: analyst })).statusCode).toBe(
      200,
    )
    expect((await t.request({ method: 'GET', url: '/api/value/summary', headers: agent })).statusCode).toBe(
      403,
    )
    const put = await t.request({
      method: 'PUT',
      url: '/api/value/service-fit/settings',
      headers: analyst,
      payload: { overServedShare: 0.3 },
    })
    expect(put.statusCode).toBe(403)
    const manager = await ws.as('manager')
    const ok = await t.request({
      method: 'PUT',
      url: '/api/value/service-fit/settings',
      headers: manager,
      payload: { overServedShare: 0.3 },
    })
    expect(ok.json()).toEqual({
      overServedShare: 0.3,
      underServedTiers: ['platinum', 'gold'],
      inactiveDays: 90,
    })
  })

  it("answers 404 for another workspace's runs and customers", async () => {
    const a = await t.newWorkspace()
    const b = await t.newWorkspace()
    const { ids } = await seedShop(t, b)
    const started = await t.request({
      method: 'POST',
      url: '/api/value/runs',
      headers: b.headers,
      payload: {},
    })
    await waitForRun(t, b, started.json().id)
    const run = await t.request({
      method: 'GET',
      url: `/api/value/runs/${started.json().id}`,
      headers: a.headers,
    })
    expect(run.statusCode).toBe(404)
    expect(run.headers['content-type']).toContain('application/problem+json')
    const card = await t.request({ method: 'GET', url: `/api/customers/${ids[0]}/value`, headers: a.headers })
    expect(card.statusCode).toBe(404)
    const costs = (await t.request({ method: 'GET', url: '/api/value/costs', headers: a.headers })).json()
    expect(costs.items).toEqual([])
  })
})
