import { expect, it } from 'vitest'
import { describeEachDb } from '../../../test/test-app.js'

describeEachDb('bulk batch API', (t) => {
  it('upserts customers and purchases by external id, idempotently', async () => {
    const ws = await t.newWorkspace()
    const customers = {
      rows: [
        { externalId: 'K1', name: 'Kim', emails: ['KIM@x.test'], country: 'de' },
        { externalId: 'K2', firstName: 'Lee', lastName: 'Park', phones: ['+1 555 0100'] },
      ],
    }
    const post = (url: string, payload: object) =>
      t.request({ method: 'POST', url, headers: ws.headers, payload })
    const first = await post('/api/customers/batch', customers)
    expect(first.statusCode, first.body).toBe(200)
    expect(first.json()).toEqual({
      inserted: 2,
      updated: 0,
      unchanged: 0,
      invalid: 0,
      customersCreated: 0,
      productsCreated: 0,
      aliased: 0,
      errors: [],
    })
    expect((await post('/api/customers/batch', customers)).json()).toMatchObject({
      inserted: 0,
      unchanged: 2,
    })

    const purchases = {
      rows: [
        { externalId: 'P1', customerExternalId: 'K1', occurredAt: '2026-02-01T12:00:00Z', amount: 19.9 },
        {
          externalId: 'P2',
          customerExternalId: 'K1',
          occurredAt: '2026-02-02',
          amount: '5.00',
          status: 'refunded',
        },
        {
          externalId: 'P3',
          customerExternalId: 'K9',
          occurredAt: '2026-02-03',
          amount: '7',
          productSku: 'S-1',
        },
      ],
    }
    const bought = await post('/api/purchases/batch', purchases)
    expect(bought.json()).toMatchObject({ inserted: 3, customersCreated: 1, productsCreated: 1, errors: [] })
    expect((await post('/api/purchases/batch', purchases)).json()).toMatchObject({
      inserted: 0,
      updated: 0,
      unchanged: 3,
    })
    const kim = await t.db
      .selectFrom('customers')
      .selectAll()
      .where('workspace_id', '=', ws.workspace.id)
      .where('external_id', '=', 'K1')
      .executeTakeFirstOrThrow()
    expect(kim).toMatchObject({
      emails: ['kim@x.test'],
      country: 'DE',
      revenue: '19.90',
      refunds: '5.00',
      orders_count: 1,
    })
    const moved = await post('/api/purchases/batch', {
      rows: [
        { externalId: 'P1', customerExternalId: 'K2', occurredAt: '2026-02-01T12:00:00Z', amount: '19.90' },
      ],
    })
    expect(moved.json()).toMatchObject({ updated: 1 })
    const totals = await t.db
      .selectFrom('customers')
      .select(['external_id', 'revenue'])
      .where('workspace_id', '=', ws.workspace.id)
      .where('external_id', 'in', ['K1', 'K2'])
      .orderBy('external_id')
      .execute()
    expect(totals).toEqual([
      { external_id: 'K1', revenue: '0.00' },
      { external_id: 'K2', revenue: '19.90' },
    ])
  })

  it('refuses invalid rows with a 400 naming each field, or skips them on request', async () => {
    const ws = await t.newWorkspace()
    const rows = [
      { externalId: 'Q1', customerExternalId: 'C', occurredAt: '2026-01-01', amount: '-3' },
      { externalId: 'Q2', customerExternalId: 'C', occurredAt: 'yesterday', amount: '3' },
      { externalId: 'Q3', customerExternalId: 'C', occurredAt: '2026-01-01', amount: '3', currency: 'EUR' },
      { externalId: 'Q4', customerExternalId: 'C', occurredAt: '2026-01-01', amount: '3' },
    ]
    const res = await t.request({
      method: 'POST',
      url: '/api/purchases/batch',
      headers: ws.headers,
      payload: { rows },
    })
    expect(res.statusCode).toBe(400)
    expect(res.headers['content-type']).toContain('application/problem+json')
    expect(res.json()).toMatchObject({ code: 'INVALID_ROWS' })
    expect(res.json().errors.map((e: { path: string }) => e.path)).toEqual([
      'body.rows.0.amount',
      'body.rows.1.occurredAt',
      'body.rows.2.currency',
    ])
    const skipped = await t.request({
      method: 'POST',
      url: '/api/purchases/batch',
      headers: ws.headers,
      payload: { rows, skipInvalid: true },
    })
    expect(skipped.json()).toMatchObject({
      inserted: 1,
      invalid: 3,
      errors: [
        { index: 0, field: 'amount', value: '-3' },
        { index: 1, field: 'occurredAt', value: 'yesterday' },
        { index: 2, field: 'currency', value: 'EUR' },
      ],
    })
    const dup = await t.request({
      method: 'POST',
      url: '/api/customers/batch',
      headers: ws.headers,
      payload: { rows: [{ externalId: 'D' }, { externalId: 'D' }] },
    })
    expect(dup.statusCode).toBe(400)
    expect(dup.json().errors[0].message).toMatch(/appears 2 times \(rows 0, 1\)/)
  })

  it('lets two batches with the same new rows race: one inserts them, the other finds them unchanged', async () => {
    const ws = await t.newWorkspace()
    const rows = Array.from({ length: 500 }, (_, i) => ({
      externalId: `RACE-${i}`,
      customerExternalId: `RC-${i % 50}`,
      occurredAt: '2026-03-01',
      amount: '2.00',
    }))
    const send = () =>
      t.request({ method: 'POST', url: '/api/purchases/batch', headers: ws.headers, payload: { rows } })
    const [a, b] = await Promise.all([send(), send()])
    expect([a.statusCode, b.statusCode]).toEqual([200, 200])
    const results = [a.json(), b.json()].sort((x, y) => y.inserted - x.inserted)
    expect(results).toMatchObject([
      { inserted: 500, unchanged: 0 },
      { inserted: 0, unchanged: 500 },
    ])
    const customer = await t.db
      .selectFrom('customers')
      .selectAll()
      .where('workspace_id', '=', ws.workspace.id)
      .where('external_id', '=', 'RC-7')
      .executeTakeFirstOrThrow()
    expect(customer).toMatchObject({ revenue: '20.00', orders_count: 10 })
  })

  it('takes at most 10,000 rows', async () => {
    const ws = await t.newWorkspace()
    const row = (i: number) => ({ externalId: `R${i}`, name: `Customer ${i}` })
    const over = await t.request({
      method: 'POST',
      url: '/api/customers/batch',
      headers: ws.headers,
      payload: { rows: Array.from({ length: 10_001 }, (_, i) => row(i)) },
    })
    expect(over.statusCode).toBe(400)
    expect(over.json().errors[0].path).toBe('body.rows')
    const full = await t.request({
      method: 'POST',
      url: '/api/customers/batch',
      headers: ws.headers,
      payload: { rows: Array.from({ length: 10_000 }, (_, i) => row(i)) },
    })
    expect(full.statusCode, full.body.slice(0, 300)).toBe(200)
    expect(full.json()).toMatchObject({ inserted: 10_000 })
    const unknown = await t.request({
      method: 'POST',
      url: '/api/customers/batch',
      headers: ws.headers,
      payload: { rows: [{ externalId: 'X', nickname: 'typo' }] },
    })
    expect(unknown.statusCode).toBe(400)
  })
})
