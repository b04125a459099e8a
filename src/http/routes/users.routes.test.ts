import { expect, it } from 'vitest'
import { describeEachDb } from '../../../test/test-app.js'

describeEachDb('users routes', (t) => {
  it('creates a user, answers with its id, and lists it', async () => {
    const ws = await t.newWorkspace()
    const res = await t.request({
      method: 'POST',
      url: '/api/users',
      headers: ws.headers,
      payload: {
        email: 'Ada@Example.com',
        name: 'Ada Lovelace',
        role: 'agent',
        password: 'correct horse battery',
      },
    })
    expect(res.statusCode).toBe(201)
    const user = res.json()
    expect(user).toMatchObject({
      email: 'ada@example.com',
      name: 'Ada Lovelace',
      role: 'agent',
      active: true,
    })
    expect(user.id).toMatch(/^[0-9a-f-]{36}$/)
    expect(user).not.toHaveProperty('password')
    const list = await t.request({ method: 'GET', url: '/api/users?q=lovelace', headers: ws.headers })
    expect(list.json().items.map((u: { id: string }) => u.id)).toEqual([user.id])
    const one = await t.request({ method: 'GET', url: `/api/users/${user.id}`, headers: ws.headers })
    expect(one.json().email).toBe('ada@example.com')
  })

  it('rejects bad fields with 400 and field details', async () => {
    const ws = await t.newWorkspace()
    const res = await t.request({
      method: 'POST',
      url: '/api/users',
      headers: ws.headers,
      payload: { email: 'not-an-email', name: '', role: 'emperor', password: 'short' },
    })
    expect(res.statusCode).toBe(400)
    expect(res.headers['content-type']).toContain('application/problem+json')
    const paths = res
      .json()
      .errors.map((e: { path: string }) => e.path)
      .sort()
    expect(paths).toEqual(['body.email', 'body.name', 'body.password', 'body.role'])
  })

  it('refuses a second user with the same email (409)', async () => {
    const ws = await t.newWorkspace()
    const body = { email: 'dup@example.com', name: 'Dup', role: 'viewer', password: 'long enough pw' }
    expect(
      (await t.request({ method: 'POST', url: '/api/users', headers: ws.headers, payload: body })).statusCode,
    ).toBe(201)
    const again = await t.request({ method: 'POST', url: '/api/users', headers: ws.headers, payload: body })
    expect(again.statusCode).toBe(409)
    expect(again.json().code).toBe('USER_EMAIL_TAKEN')
  })

  it('paginates with a cursor and sorts', async () => {
    const ws = await t.newWorkspace()
    for (const name of ['Cleo', 'Anna', 'Bea', 'Dora', 'Emil']) {
      await t.request({
        method: 'POST',
        url: '/api/users',
        headers: ws.headers,
        payload: { email: `${name}@x.test`, name, role: 'viewer', password: 'long enough pw' },
      })
    }
    const seen: string[] = []
    let cursor: string | null = null
    do {
      const url: string = `/api/users?sort=name&limit=2&role=viewer${cursor ? `&cursor=${cursor}` : ''}`
      const page = (await t.request({ method: 'GET', url, headers: ws.headers })).json()
      expect(page.items.length).toBeLessThanOrEqual(2)
      seen.push(...page.items.map((u: { name: string }) => u.name))
      cursor = page.nextCursor
    } while (cursor)
    expect(seen).toEqual(['Anna', 'Bea', 'Cleo', 'Dora', 'Emil'])
    const desc = (
      await t.request({
        method: 'GET',
        url: '/api/users?sort=-name&role=viewer&limit=1',
        headers: ws.headers,
      })
    ).json()
    expect(desc.items[0].name).toBe('Emil')
    const bad = await t.request({ method: 'GET', url: '/api/users?sort=password', headers: ws.headers })
    expect(bad.statusCode).toBe(400)
    const badCursor = await t.request({
      method: 'GET',
      url: '/api/users?cursor=garbage',
      headers: ws.headers,
    })
    expect(badCursor.statusCode).toBe(400)
  })

  it('changes, deactivates and reactivates a user, and records each write in the audit log', async () => {
    const ws = await t.newWorkspace()
    const user = (
      await t.request({
        method: 'POST',
        url: '/api/users',
        headers: ws.headers,
        payload: { email: 'eve@x.test', name: 'Eve', role: 'agent', password: 'long enough pw' },
      })
    ).json()
    const patched = await t.request({
      method: 'PATCH',
      url: `/api/users/${user.id}`,
      headers: ws.headers,
      payload: { role: 'manager' },
    })
    expect(patched.json().role).toBe('manager')
    const off = await t.request({
      method: 'POST',
      url: `/api/users/${user.id}/deactivate`,
      headers: ws.headers,
    })
    expect(off.json().active).toBe(false)
    const on = await t.request({
      method: 'POST',
      url: `/api/users/${user.id}/reactivate`,
      headers: ws.headers,
    })
    expect(on.json().active).toBe(true)
    const audit = (
      await t.request({ method: 'GET', url: `/api/audit?entityId=${user.id}`, headers: ws.headers })
    ).json()
    expect(audit.items.map((e: { action: string }) => e.action)).toEqual([
      'user.reactivated',
      'user.deactivated',
      'user.updated',
      'user.created',
    ])
    const update = audit.items[2]
    expect(update.before.role).toBe('agent')
    expect(update.after.role).toBe('manager')
    expect(update.actorTokenId).toMatch(/^[0-9a-f-]{36}$/)
  })

  it('keeps the last owner and refuses to hand out roles above the actor', async () => {
    const ws = await t.newWorkspace()
    const owner = (
      await t.request({ method: 'GET', url: '/api/users?role=owner', headers: ws.headers })
    ).json().items[0]
    const demote = await t.request({
      method: 'PATCH',
      url: `/api/users/${owner.id}`,
      headers: ws.headers,
      payload: { role: 'admin' },
    })
    expect(demote.statusCode).toBe(422)
    expect(demote.json().code).toBe('LAST_OWNER')
    const admin = await ws.as('admin')
    const escalate = await t.request({
      method: 'POST',
      url: '/api/users',
      headers: admin,
      payload: { email: 'boss@x.test', name: 'Boss', role: 'owner', password: 'long enough pw' },
    })
    expect(escalate.statusCode).toBe(403)
  })

  it('applies the permission matrix: an agent may read users but not create them', async () => {
    const ws = await t.newWorkspace()
    const agent = await ws.as('agent')
    expect((await t.request({ method: 'GET', url: '/api/users', headers: agent })).statusCode).toBe(200)
    const create = await t.request({
      method: 'POST',
      url: '/api/users',
      headers: agent,
      payload: { email: 'x@x.test', name: 'X', role: 'viewer', password: 'long enough pw' },
    })
    expect(create.statusCode).toBe(403)
    expect(create.json().code).toBe('PERMISSION_DENIED')
    const viewer = await ws.as('viewer')
    expect((await t.request({ method: 'GET', url: '/api/users', headers: viewer })).statusCode).toBe(403)
  })
})
