import { expect, it } from 'vitest'
import { describeEachDb, type TestWorkspace } from '../../../test/test-app.js'

describeEachDb('GET /api/customers/merges (workspace merge history)', (t) => {
  const customer = async (ws: TestWorkspace, body: object) => {
    const res = await t.request({ method: 'POST', url: '/api/customers', headers: ws.headers, payload: body })
    expect(res.statusCode, res.body).toBe(201)
    return res.json() as { id: string; name: string }
  }
  /** Headers of the owner signed in with a password: merges are then by a user, not a token. */
  const signIn = async (ws: TestWorkspace) => {
    const res = await t.request({ method: 'POST', url: '/api/auth/login', payload: ws.owner })
    expect(res.statusCode).toBe(200)
    const cookie = String([res.headers['set-cookie']].flat()[0]).split(';')[0]!
    return { cookie, 'x-csrf-token': res.json().csrfToken as string }
  }

  it('lists every merge newest first with who merged, the survivor now, the merged name and what moved', async () => {
    const ws = await t.newWorkspace()
    const other = await t.newWorkspace()
    const ada = await customer(ws, { name: 'Ada Lovelace', externalId: 'A-1', emails: ['ada@x.test'] })
    const ada2 = await customer(ws, { name: 'Ada Lovlace', externalId: 'A-2', emails: ['ada@x.test'] })
    const bob = await customer(ws, { name: 'Bob Byte', externalId: 'B-1' })
    const bob2 = await customer(ws, { name: 'Bob Bite', externalId: 'B-2' })
    const buy = await t.request({
      method: 'POST',
      url: '/api/purchases',
      headers: ws.headers,
      payload: { customerId: ada2.id, amount: '10.00', occurredAt: '2026-01-02T00:00:00Z' },
    })
    expect(buy.statusCode, buy.body).toBe(201)
    const user = await signIn(ws)
    const first = await t.request({
      method: 'POST',
      url: `/api/customers/${ada.id}/merge`,
      headers: user,
      payload: { mergedId: ada2.id },
    })
    expect(first.statusCode, first.body).toBe(200)
    const second = await t.request({
      method: 'POST',
      url: `/api/customers/${bob.id}/merge`,
      headers: ws.headers,
      payload: { mergedId: bob2.id },
    })
    expect(second.statusCode, second.body).toBe(200)

    const page1 = await t.request({
      method: 'GET',
      url: '/api/customers/merges?limit=1',
      headers: ws.headers,
    })
    expect(page1.statusCode, page1.body).toBe(200)
    const [newest] = page1.json().items
    expect(newest).toMatchObject({
      survivorId: bob.id,
      mergedCustomerId: bob2.id,
      mergedExternalId: 'B-2',
      mergedName: 'Bob Bite',
      survivor: { id: bob.id, name: 'Bob Byte', externalId: 'B-1' },
      // merged with an API token: no user
      mergedBy: null,
      mergedByName: null,
    })
    const page2 = await t.request({
      method: 'GET',
      url: `/api/customers/merges?limit=1&cursor=${page1.json().nextCursor}`,
      headers: ws.headers,
    })
    const [older] = page2.json().items
    expect(older).toMatchObject({
      survivorId: ada.id,
      mergedName: 'Ada Lovlace',
      survivor: { name: 'Ada Lovelace' },
      mergedByName: 'Owner',
    })
    expect(older.moved.purchases).toBe(1)
    expect(page2.json().nextCursor).toBeNull()

    const elsewhere = await t.request({ method: 'GET', url: '/api/customers/merges', headers: other.headers })
    expect(elsewhere.json().items).toEqual([])
    const bad = await t.request({
      method: 'GET',
      url: '/api/customers/merges?cursor=garbage',
      headers: ws.headers,
    })
    expect(bad.statusCode).toBe(400)
  })
})
