import { expect, it } from 'vitest'
import { describeEachDb } from '../../../test/test-app.js'

describeEachDb('POST /api/imports/preview-mapping', (t) => {
  it('shows the mapping an import would apply: detected columns, ignored headers, missing ones', async () => {
    const ws = await t.newWorkspace()
    const res = await t.request({
      method: 'POST',
      url: '/api/imports/preview-mapping',
      headers: ws.headers,
      payload: { kind: 'customers', headers: ['Record ID', 'Full Name', 'E-mail', 'Shoe size'] },
    })
    expect(res.statusCode, res.body).toBe(200)
    const body = res.json()
    expect(body.mapping).toEqual({ external_id: 'Record ID', name: 'Full Name', email: 'E-mail' })
    expect(body.ignored).toEqual(['Shoe size'])
    expect(body.missing).toEqual([])
    expect(body.columns[0]).toEqual({ name: 'external_id', required: true, header: 'Record ID' })
    expect(body.columns.find((c: { name: string }) => c.name === 'phone')).toEqual({
      name: 'phone',
      required: false,
      header: null,
    })
  })

  it('lists required columns without a header, and honours an explicit mapping', async () => {
    const ws = await t.newWorkspace()
    const missing = await t.request({
      method: 'POST',
      url: '/api/imports/preview-mapping',
      headers: ws.headers,
      payload: { kind: 'purchases', headers: ['Order ID', 'Buyer', 'Order Date', 'Total'] },
    })
    expect(missing.statusCode, missing.body).toBe(200)
    expect(missing.json().missing).toEqual(['customer_external_id'])
    expect(missing.json().ignored).toEqual(['Buyer'])

    const mapped = await t.request({
      method: 'POST',
      url: '/api/imports/preview-mapping',
      headers: ws.headers,
      payload: {
        kind: 'purchases',
        headers: ['Order ID', 'Buyer', 'Order Date', 'Total'],
        mapping: { customer_external_id: 'Buyer', amount: '' },
      },
    })
    expect(mapped.statusCode, mapped.body).toBe(200)
    expect(mapped.json().mapping).toEqual({
      external_id: 'Order ID',
      customer_external_id: 'Buyer',
      occurred_at: 'Order Date',
    })
    expect(mapped.json().missing).toEqual(['amount'])
    expect(mapped.json().ignored).toEqual(['Total'])
  })

  it('answers 400 for a mapping naming a header the file lacks, 403 without the import permission', async () => {
    const ws = await t.newWorkspace()
    const bad = await t.request({
      method: 'POST',
      url: '/api/imports/preview-mapping',
      headers: ws.headers,
      payload: { kind: 'customers', headers: ['id'], mapping: { name: 'Nope' } },
    })
    expect(bad.statusCode, bad.body).toBe(400)
    expect(bad.headers['content-type']).toContain('application/problem+json')
    const agent = await t.request({
      method: 'POST',
      url: '/api/imports/preview-mapping',
      headers: await ws.as('agent'),
      payload: { kind: 'customers', headers: ['id'] },
    })
    expect(agent.statusCode).toBe(403)
  })
})
