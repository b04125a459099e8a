import { expect, it } from 'vitest'
import { describeEachDb, type TestWorkspace } from '../../../test/test-app.js'

describeEachDb('products and purchases routes', (t) => {
  const post = (ws: TestWorkspace, url: string, payload: object) =>
    t.request({ method: 'POST', url, headers: ws.headers, payload })
  const get = (ws: TestWorkspace, url: string) => t.request({ method: 'GET', url, headers: ws.headers })

  async function customerWithProducts(ws: TestWorkspace) {
    const customer = (await post(ws, '/api/customers', { name: 'Grace Hopper', externalId: 'G-1' })).json()
    const mug = await post(ws, '/api/products', {
      sku: 'MUG',
      name: 'Mug',
      listPrice: '12.50',
      unitCost: '4.10',
    })
    expect(mug.statusCode).toBe(201)
    await post(ws, '/api/products', { sku: 'TEE', name: 'T-shirt', listPrice: 25, unitCost: '9.99' })
    return customer
  }

  it('keeps exact decimal totals on the customer, and a refund moves a line from revenue to refunds', async () => {
    const ws = await t.newWorkspace()
    const customer = await customerWithProducts(ws)
    const lines = [
      {
        externalId: 'L1',
        productSku: 'MUG',
        quantity: 3,
        amount: '37.50',
        occurredAt: '2026-01-05T10:00:00Z',
      },
      { externalId: 'L2', productSku: 'TEE', amount: '0.10', occurredAt: '2026-02-01T09:00:00+01:00' },
      {
        externalId: 'L3',
        productSku: 'TEE',
        amount: '0.20',
        occurredAt: '2026-03-01T12:00:00Z',
        channel: 'web',
      },
    ]
    const ids: string[] = []
    for (const line of lines) {
      const res = await post(ws, '/api/purchases', { ...line, customerExternalId: 'G-1' })
      expect(res.statusCode, res.body).toBe(201)
      ids.push(res.json().id)
    }
    // Cost defaults to unit cost × quantity, computed in decimal.
    expect((await get(ws, `/api/purchases/${ids[0]}`)).json()).toMatchObject({
      cost: '12.30',
      productName: 'Mug',
    })
    let c = (await get(ws, `/api/customers/${customer.id}`)).json()
    // 37.50 + 0.10 + 0.20 in binary floating point would be 37.800000000000004.
    expect(c).toMatchObject({ revenue: '37.80', refunds: '0.00', ordersCount: 3 })
    expect(c.firstPurchaseAt).toBe('2026-01-05T10:00:00.000Z')
    expect(c.lastPurchaseAt).toBe('2026-03-01T12:00:00.000Z')

    const refund = await post(ws, `/api/purchases/${ids[2]}/refund`, { reason: 'arrived broken' })
    expect(refund.statusCode).toBe(200)
    expect(refund.json().status).toBe('refunded')
    expect((await post(ws, `/api/purchases/${ids[2]}/refund`, {})).statusCode).toBe(409)
    c = (await get(ws, `/api/customers/${customer.id}`)).json()
    expect(c).toMatchObject({ revenue: '37.60', refunds: '0.20', ordersCount: 2 })
    expect(c.lastPurchaseAt).toBe('2026-02-01T08:00:00.000Z')
    // The refunded line stays on record.
    const all = (await get(ws, `/api/customers/${customer.id}/purchases`)).json().items
    expect(all.map((p: { externalId: string; status: string }) => `${p.externalId}:${p.status}`)).toEqual([
      'L3:refunded',
      'L2:completed',
      'L1:completed',
    ])
    // Spend filters see the new totals.
    const rich = (await get(ws, '/api/customers?revenueMin=37.60')).json().items
    expect(rich.map((x: { id: string }) => x.id)).toEqual([customer.id])
    expect((await get(ws, '/api/customers?revenueMin=37.61')).json().items).toEqual([])
  })

  it('is idempotent by external id: the same line again answers 200 with the stored line, another line 409', async () => {
    const ws = await t.newWorkspace()
    await customerWithProducts(ws)
    const line = {
      externalId: 'X1',
      customerExternalId: 'G-1',
      amount: '5',
      occurredAt: '2026-01-01T00:00:00Z',
    }
    const first = await post(ws, '/api/purchases', line)
    expect(first.statusCode).toBe(201)
    const again = await post(ws, '/api/purchases', line)
    expect(again.statusCode).toBe(200)
    expect(again.json().id).toBe(first.json().id)
    const other = await post(ws, '/api/purchases', { ...line, amount: '6' })
    expect(other.statusCode).toBe(409)
    const listed = (await get(ws, '/api/purchases')).json().items
    expect(listed).toHaveLength(1)
  })

  it('refuses unknown customers and products, negative or over-precise amounts, with field paths', async () => {
    const ws = await t.newWorkspace()
    await customerWithProducts(ws)
    const base = { customerExternalId: 'G-1', amount: '1.00', occurredAt: '2026-01-01T00:00:00Z' }
    const cases: [object, string][] = [
      [{ ...base, customerExternalId: 'NOPE' }, 'customerExternalId'],
      [{ ...base, productSku: 'NOPE' }, 'productSku'],
      [{ ...base, amount: '-1.00' }, 'body.amount'],
      [{ ...base, amount: '1.001' }, 'body.amount'],
      [{ ...base, occurredAt: 'yesterday' }, 'body.occurredAt'],
      [{ amount: '1', occurredAt: '2026-01-01T00:00:00Z' }, 'body.customerId'],
    ]
    for (const [payload, path] of cases) {
      const res = await post(ws, '/api/purchases', payload)
      expect(res.statusCode, JSON.stringify(payload)).toBe(400)
      expect(res.json().errors.map((e: { path: string }) => e.path)).toContain(path)
    }
  })

  it('shows purchases and refunds on the customer timeline, filterable by source and type', async () => {
    const ws = await t.newWorkspace()
    const customer = await customerWithProducts(ws)
    for (let i = 1; i <= 5; i++) {
      const res = await post(ws, '/api/purchases', {
        externalId: `T${i}`,
        customerId: customer.id,
        productSku: 'MUG',
        amount: `${i}.00`,
        occurredAt: `2025-0${i}-01T12:00:00Z`,
      })
      expect(res.statusCode).toBe(201)
    }
    await post(
      ws,
      `/api/purchases/${(await get(ws, '/api/purchases?sort=amount&limit=1')).json().items[0].id}/refund`,
      {},
    )
    const seen: { type: string; source: string }[] = []
    let cursor: string | null = null
    do {
      const url: string = `/api/customers/${customer.id}/timeline?limit=2${cursor ? `&cursor=${cursor}` : ''}`
      const page = (await get(ws, url)).json()
      seen.push(...page.items)
      cursor = page.nextCursor
    } while (cursor)
    // created + 5 purchases + the refund event, newest first, no repeats across pages.
    expect(seen.map((i) => i.type)).toEqual([
      'purchase.refunded',
      'customer.created',
      'purchase',
      'purchase',
      'purchase',
      'purchase',
      'purchase.refunded_line',
    ])
    const onlyPurchases = (await get(ws, `/api/customers/${customer.id}/timeline?sources=purchases`)).json()
      .items
    expect(onlyPurchases).toHaveLength(5)
    expect(onlyPurchases[0].summary).toBe('Bought Mug for 5.00')
    const refunds = (await get(ws, `/api/customers/${customer.id}/timeline?types=purchase.refunded*`)).json()
      .items
    expect(refunds.map((i: { type: string }) => i.type)).toEqual([
      'purchase.refunded',
      'purchase.refunded_line',
    ])
  })

  it('lists, searches and changes products; a sku is unique per workspace', async () => {
    const ws = await t.newWorkspace()
    await customerWithProducts(ws)
    expect((await post(ws, '/api/products', { sku: 'MUG', name: 'Other' })).statusCode).toBe(409)
    const found = (await get(ws, '/api/products?q=shirt')).json().items
    expect(found.map((p: { sku: string }) => p.sku)).toEqual(['TEE'])
    const patched = await t.request({
      method: 'PATCH',
      url: `/api/products/${found[0].id}`,
      headers: ws.headers,
      payload: { active: false, listPrice: '19.99' },
    })
    expect(patched.json()).toMatchObject({ active: false, listPrice: '19.99', unitCost: '9.99' })
    expect(
      (await get(ws, '/api/products?active=true')).json().items.map((p: { sku: string }) => p.sku),
    ).toEqual(['MUG'])
  })
})
