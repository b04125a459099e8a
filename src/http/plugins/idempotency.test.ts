import { expect, it } from 'vitest'
import { describeEachDb } from '../../../test/test-app.js'

describeEachDb('Idempotency-Key', (t) => {
  const body = { email: 'once@x.test', name: 'Once', role: 'agent', password: 'long enough pw' }

  it('runs the same POST with the same key once and replays the response', async () => {
    const ws = await t.newWorkspace()
    const headers = { ...ws.headers, 'idempotency-key': 'create-once-1' }
    const first = await t.request({ method: 'POST', url: '/api/users', headers, payload: body })
    const second = await t.request({ method: 'POST', url: '/api/users', headers, payload: body })
    expect(first.statusCode).toBe(201)
    expect(second.statusCode).toBe(201)
    expect(second.headers['idempotent-replayed']).toBe('true')
    expect(second.json()).toEqual(first.json())
    const rows = await t.db
      .selectFrom('users')
      .innerJoin('logins', 'logins.id', 'users.login_id')
      .select('users.id')
      .where('users.workspace_id', '=', ws.workspace.id)
      .where('logins.email', '=', 'once@x.test')
      .execute()
    expect(rows).toHaveLength(1)
  })

  it('refuses the same key with a different body (422) and bad keys (400)', async () => {
    const ws = await t.newWorkspace()
    const headers = { ...ws.headers, 'idempotency-key': 'k-2' }
    await t.request({ method: 'POST', url: '/api/users', headers, payload: body })
    const other = await t.request({
      method: 'POST',
      url: '/api/users',
      headers,
      payload: { ...body, name: 'Other' },
    })
    expect(other.statusCode).toBe(422)
    expect(other.json().code).toBe('IDEMPOTENCY_KEY_REUSED')
    const bad = await t.request({
      method: 'POST',
      url: '/api/users',
      headers: { ...ws.headers, 'idempotency-key': 'has space' },
      payload: body,
    })
    expect(bad.statusCode).toBe(400)
  })

  it('keeps keys per workspace', async () => {
    const a = await t.newWorkspace()
    const b = await t.newWorkspace()
    const key = { 'idempotency-key': 'shared-key' }
    const ra = await t.request({
      method: 'POST',
      url: '/api/users',
      headers: { ...a.headers, ...key },
      payload: body,
    })
    const rb = await t.request({
      method: 'POST',
      url: '/api/users',
      headers: { ...b.headers, ...key },
      payload: body,
    })
    expect(ra.statusCode).toBe(201)
    expect(rb.statusCode).toBe(201)
    expect(rb.headers['idempotent-replayed']).toBeUndefined()
    expect(rb.json().id).not.toBe(ra.json().id)
  })
})
