import { expect, it } from 'vitest'
import { describeEachDb, type TestApp, type TestWorkspace } from '../../../test/test-app.js'
import { newId } from '../../db/ids.js'

/** Uploads a CSV and waits for the import job to finish. */
async function runImport(t: TestApp, ws: TestWorkspace, query: string, csv: string) {
  const res = await t.request({
    method: 'POST',
    url: `/api/imports?${query}`,
    headers: { ...ws.headers, 'content-type': 'text/csv' },
    payload: csv,
  })
  expect(res.statusCode, res.body).toBe(202)
  const id = res.json().id as string
  for (let i = 0; i < 600; i++) {
    const job = await t.request({ method: 'GET', url: `/api/imports/${id}`, headers: ws.headers })
    const body = job.json()
    if (body.status === 'succeeded' || body.status === 'failed') return body
    await new Promise((r) => setTimeout(r, 50))
  }
  throw new Error(`import ${id} did not finish`)
}

const customerOf = (t: TestApp, ws: TestWorkspace, externalId: string) =>
  t.db
    .selectFrom('customers')
    .selectAll()
    .where('workspace_id', '=', ws.workspace.id)
    .where('external_id', '=', externalId)
    .executeTakeFirst()

const PURCHASES = [
  'external_id,customer_external_id,occurred_at,amount,status,product_sku,quantity',
  'L1,C1,2026-01-05,100.00,completed,SKU-1,2',
  'L2,C1,2026-01-06T10:00:00Z,40.50,refunded,SKU-1,1',
  'L3,C2,20260107,12,paid,,',
  '',
].join('\n')

describeEachDb('CSV imports over HTTP', (t) => {
  it('imports purchases, then imports the same file again without changing anything', async () => {
    const ws = await t.newWorkspace()
    const first = await runImport(t, ws, 'kind=purchases&fileName=p.csv', PURCHASES)
    expect(first).toMatchObject({
      status: 'succeeded',
      phase: 'done',
      fileName: 'p.csv',
      rowsRead: 3,
      inserted: 3,
      updated: 0,
      unchanged: 0,
      invalid: 0,
      customersCreated: 2,
      productsCreated: 1,
      errors: [],
    })
    const again = await runImport(t, ws, 'kind=purchases', PURCHASES)
    expect(again).toMatchObject({
      status: 'succeeded',
      inserted: 0,
      updated: 0,
      unchanged: 3,
      customersCreated: 0,
    })
    // Refunds leave revenue and count as refunds; totals are right after the import.
    expect(await customerOf(t, ws, 'C1')).toMatchObject({
      name: 'C1',
      revenue: '100.00',
      refunds: '40.50',
      orders_count: 1,
    })
    expect(await customerOf(t, ws, 'C2')).toMatchObject({
      revenue: '12.00',
      refunds: '0.00',
      orders_count: 1,
    })
    // A changed amount and a refund turn into updates; the totals follow.
    const changed = PURCHASES.replace('L3,C2,20260107,12,paid', 'L3,C2,20260107,15,refund')
    const third = await runImport(t, ws, 'kind=purchases', changed)
    expect(third).toMatchObject({ inserted: 0, updated: 1, unchanged: 2 })
    expect(await customerOf(t, ws, 'C2')).toMatchObject({
      revenue: '0.00',
      refunds: '15.00',
      orders_count: 0,
    })
    const list = await t.request({ method: 'GET', url: '/api/imports?limit=2', headers: ws.headers })
    expect(list.json().items.map((j: { id: string }) => j.id)).toEqual([third.id, again.id])
    expect(list.json().nextCursor).not.toBeNull()
  })

  it('writes nothing when a row is invalid, and reports every bad line with its reason', async () => {
    const ws = await t.newWorkspace()
    const csv = [
      'external_id,customer_external_id,occurred_at,amount,currency,quantity,status',
      'B1,C1,2026-01-05,10.00,USD,1,completed',
      'B2,C1,2026-02-30,10.00,USD,1,completed',
      'B3,C1,2026-01-05,-5.00,USD,1,completed',
      'B4,C1,2026-01-05,1.234,EUR,0,pending',
      'B1,C2,2026-01-05,3.00,,,',
      '"B6","C1",2026-01-05',
      ',C1,2026-01-05,1,,,',
      'B9,C1,2026-01-05,10.00,USD,1,completed',
    ].join('\r\n')
    const failed = await runImport(t, ws, 'kind=purchases', csv)
    expect(failed).toMatchObject({ status: 'failed', inserted: 0, invalid: 7, rowsRead: 8 })
    expect(failed.message).toMatch(/7 of 8 rows are invalid, so nothing was written/)
    const reasons = failed.errors.map((e: { line: number; column: string }) => `${e.line}:${e.column}`)
    expect(reasons).toEqual([
      '2:external_id',
      '3:occurred_at',
      '4:amount',
      '5:amount',
      '5:currency',
      '5:quantity',
      '5:status',
      '6:external_id',
      '7:*',
      '8:external_id',
    ])
    const byLine = (line: number, column: string) =>
      failed.errors.find((e: { line: number; column: string }) => e.line === line && e.column === column)
    expect(byLine(2, 'external_id').reason).toMatch(/appears 2 times \(lines 2, 6\)/)
    expect(byLine(4, 'amount').reason).toMatch(/negative: record a refund .* status=refunded/)
    expect(byLine(5, 'currency').reason).toMatch(/differs from the workspace currency USD/)
    expect(byLine(7, '*').reason).toMatch(/expected 7 fields as in the header, found 3/)
    expect(byLine(8, 'external_id').reason).toBe('is required')
    const count = await t.db
      .selectFrom('purchases')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('workspace_id', '=', ws.workspace.id)
      .executeTakeFirstOrThrow()
    expect(Number(count.n)).toBe(0)
    expect(await customerOf(t, ws, 'C1')).toBeUndefined()

    const csvRes = await t.request({
      method: 'GET',
      url: `/api/imports/${failed.id}/errors.csv`,
      headers: ws.headers,
    })
    expect(csvRes.headers['content-type']).toContain('text/csv')
    expect(csvRes.body.split('\n')[0]).toBe('line,column,value,reason')
    expect(csvRes.body).toContain('3,occurred_at,2026-02-30,')

    const skipped = await runImport(t, ws, 'kind=purchases&skipInvalid=true', csv)
    expect(skipped).toMatchObject({ status: 'succeeded', inserted: 1, invalid: 7, unchanged: 0 })
    expect(await customerOf(t, ws, 'C1')).toMatchObject({ revenue: '10.00' })
  })

  it('reads the headers of common exports, and an explicit mapping', async () => {
    const ws = await t.newWorkspace()
    // HubSpot-style contacts: split names, "Email Address", "Create Date", an extra column.
    const contacts = [
      'Record ID,First Name,Last Name,Email Address,Phone Number,Country Code,Time Zone,Create Date,Lifecycle Stage',
      'H-1,Ada,Lovelace,ADA@Example.com,+44 (20) 7946-0000,gb,Europe/London,2024-03-01,customer',
      'H-2,,,grace@example.com;g.hopper@example.com,,US,America/New_York,,lead',
    ].join('\n')
    const imported = await runImport(t, ws, 'kind=customers', contacts)
    expect(imported, JSON.stringify(imported.errors)).toMatchObject({
      status: 'succeeded',
      inserted: 2,
      ignoredColumns: ['Lifecycle Stage'],
    })
    expect(imported.mapping).toMatchObject({
      external_id: 'Record ID',
      first_name: 'First Name',
      email: 'Email Address',
      phone: 'Phone Number',
      country: 'Country Code',
      timezone: 'Time Zone',
      created_at: 'Create Date',
    })
    expect(await customerOf(t, ws, 'H-1')).toMatchObject({
      name: 'Ada Lovelace',
      emails: ['ada@example.com'],
      phones: ['+442079460000'],
      country: 'GB',
      timezone: 'Europe/London',
    })
    // A date alone is midnight in the workspace's time zone (UTC for test workspaces).
    expect((await customerOf(t, ws, 'H-1'))?.created_at.toISOString()).toBe('2024-03-01T00:00:00.000Z')
    expect(await customerOf(t, ws, 'H-2')).toMatchObject({
      name: 'grace@example.com',
      emails: ['grace@example.com', 'g.hopper@example.com'],
    })

    // Shopify-style orders with an explicit mapping for the id column.
    const orders = [
      'Name,Email,Created at,Total,Currency,Lineitem sku,Lineitem quantity,Financial Status,Source',
      '#1001,H-1,2026-03-01 10:00:00 +0100,59.90,USD,TEE-1,2,paid,web',
    ].join('\n')
    const mapping = encodeURIComponent(JSON.stringify({ external_id: 'Name', customer_external_id: 'Email' }))
    const shop = await runImport(t, ws, `kind=purchases&mapping=${mapping}`, orders)
    expect(shop).toMatchObject({ status: 'succeeded', inserted: 1, customersCreated: 0, productsCreated: 1 })
    expect(shop.mapping).toMatchObject({
      occurred_at: 'Created at',
      amount: 'Total',
      product_sku: 'Lineitem sku',
      status: 'Financial Status',
      channel: 'Source',
    })
    const purchase = await t.db
      .selectFrom('purchases')
      .selectAll()
      .where('workspace_id', '=', ws.workspace.id)
      .where('external_id', '=', '#1001')
      .executeTakeFirstOrThrow()
    expect(purchase).toMatchObject({ amount: '59.90', quantity: 2, channel: 'web', status: 'completed' })
    expect(purchase.occurred_at.toISOString()).toBe('2026-03-01T09:00:00.000Z')

    const missing = await runImport(t, ws, 'kind=purchases', 'Order,Who\n1,2\n')
    expect(missing).toMatchObject({ status: 'failed' })
    expect(missing.message).toMatch(/no column for customer_external_id, occurred_at, amount/)
  })

  it('creates unknown customers, or fails their rows, and lands aliases of merged customers on the survivor', async () => {
    const ws = await t.newWorkspace()
    const survivor = await runImport(t, ws, 'kind=customers', 'external_id,name\nKEEP,Survivor\n')
    expect(survivor.inserted).toBe(1)
    const keep = await customerOf(t, ws, 'KEEP')
    await t.db
      .insertInto('customer_merges')
      .values({
        workspace_id: ws.workspace.id,
        id: newId(),
        survivor_id: keep!.id,
        merged_customer_id: newId(),
        merged_external_id: 'GONE',
        snapshot: JSON.stringify({ name: 'Old duplicate' }),
      })
      .execute()
    const csv =
      'external_id,customer_external_id,occurred_at,amount\nM1,GONE,2026-01-01,20\nM2,NEW,2026-01-01,5\n'
    const strict = await runImport(t, ws, 'kind=purchases&unknownCustomers=fail', csv)
    expect(strict).toMatchObject({ status: 'failed', invalid: 1 })
    expect(strict.errors).toEqual([
      expect.objectContaining({ line: 3, column: 'customer_external_id', value: 'NEW' }),
    ])
    const lenient = await runImport(t, ws, 'kind=purchases', csv)
    expect(lenient).toMatchObject({ status: 'succeeded', inserted: 2, customersCreated: 1, aliased: 1 })
    expect(await customerOf(t, ws, 'KEEP')).toMatchObject({ revenue: '20.00', orders_count: 1 })
    expect(await customerOf(t, ws, 'GONE')).toBeUndefined()
    // A customers file naming the merged id leaves the survivor alone.
    const again = await runImport(t, ws, 'kind=customers', 'external_id,name\nGONE,Old duplicate\n')
    expect(again).toMatchObject({ inserted: 0, updated: 0, aliased: 1 })
  })

  it('exports what it imported, and the export imports back unchanged', async () => {
    const ws = await t.newWorkspace()
    await runImport(
      t,
      ws,
      'kind=customers',
      'external_id,name,email,phone,country,language,timezone,created_at\nE1,"Doe, Jane",jane@x.test,+4930123,DE,de-DE,Europe/Berlin,2025-01-02T03:04:05.678Z\nE2,Bob,,,,,,\n',
    )
    await runImport(t, ws, 'kind=purchases', PURCHASES.replaceAll('C1', 'E1').replaceAll('C2', 'E2'))
    for (const kind of ['customers', 'purchases'] as const) {
      const res = await t.request({ method: 'GET', url: `/api/exports/${kind}.csv`, headers: ws.headers })
      expect(res.statusCode).toBe(200)
      expect(res.headers['content-type']).toContain('text/csv')
      const lines = res.body.trim().split('\n')
      expect(lines.length).toBe(kind === 'customers' ? 3 : 4)
      const back = await runImport(t, ws, `kind=${kind}`, res.body)
      expect(back, `${kind}: ${res.body}`).toMatchObject({
        status: 'succeeded',
        inserted: 0,
        updated: 0,
        unchanged: lines.length - 1,
      })
    }
    const customers = await t.request({
      method: 'GET',
      url: '/api/exports/customers.csv',
      headers: ws.headers,
    })
    expect(customers.body.split('\n')[0]).toBe(
      'external_id,name,email,phone,country,language,timezone,created_at',
    )
    expect(customers.body).toContain(
      'E1,"Doe, Jane",jane@x.test,+4930123,DE,de-DE,Europe/Berlin,2025-01-02T03:04:05.678Z',
    )
  })

  it('replays an upload sent again with the same Idempotency-Key', async () => {
    const ws = await t.newWorkspace()
    const send = (key: string, csv: string) =>
      t.request({
        method: 'POST',
        url: '/api/imports?kind=customers',
        headers: { ...ws.headers, 'content-type': 'text/csv', 'idempotency-key': key },
        payload: csv,
      })
    const first = await send('upload-1', 'external_id\nI1\n')
    expect(first.statusCode).toBe(202)
    const retry = await send('upload-1', 'external_id\nI1\n')
    expect(retry.statusCode).toBe(202)
    expect(retry.headers['idempotent-replayed']).toBe('true')
    expect(retry.json().id).toBe(first.json().id)
    expect((await send('upload-1', 'external_id\nI2\n')).statusCode).toBe(422)
  })

  it("answers 404 for another workspace's import, and refuses bodies that are not CSV", async () => {
    const a = await t.newWorkspace()
    const b = await t.newWorkspace()
    const job = await runImport(t, b, 'kind=customers', 'external_id\nX1\n')
    for (const url of [`/api/imports/${job.id}`, `/api/imports/${job.id}/errors.csv`]) {
      const res = await t.request({ method: 'GET', url, headers: a.headers })
      expect(res.statusCode, url).toBe(404)
    }
    const json = await t.request({
      method: 'POST',
      url: '/api/imports?kind=customers',
      headers: a.headers,
      payload: { external_id: 'x' },
    })
    expect(json.statusCode).toBe(400)
    expect(json.json().code).toBe('CSV_BODY_REQUIRED')
    const viewer = await t.request({
      method: 'POST',
      url: '/api/imports?kind=customers',
      headers: { ...(await a.as('viewer')), 'content-type': 'text/csv' },
      payload: 'external_id\nX\n',
    })
    expect(viewer.statusCode).toBe(403)
  })
})
