import { expect, it } from 'vitest'
import { describeEachDb } from '../../../test/test-app.js'
import { LOCK_MINUTES, MAX_FAILED_ATTEMPTS } from '../../modules/platform/index.js'

const cookieOf = (setCookie: string | string[] | undefined) => {
  const header = Array.isArray(setCookie) ? setCookie[0] : setCookie
  return { header: header ?? '', value: header?.split(';')[0] ?? '' }
}

describeEachDb('sign-in, sessions and CSRF', (t) => {
  it('signs in with a password, sets a safe cookie, and signs out', async () => {
    const ws = await t.newWorkspace()
    const res = await t.request({ method: 'POST', url: '/api/auth/login', payload: ws.owner })
    expect(res.statusCode).toBe(200)
    const cookie = cookieOf(res.headers['set-cookie'])
    expect(cookie.header).toMatch(/HttpOnly/i)
    expect(cookie.header).toMatch(/SameSite=Lax/i)
    expect(cookie.header).not.toMatch(/Secure/i) // plain http in tests; https sets Secure
    const me = await t.request({ method: 'GET', url: '/api/me', headers: { cookie: cookie.value } })
    expect(me.statusCode).toBe(200)
    expect(me.json()).toMatchObject({
      role: 'owner',
      workspace: { id: ws.workspace.id },
      csrfToken: res.json().csrfToken,
    })
    expect(me.json().user.email).toBe(ws.owner.email)

    const noCsrf = await t.request({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: cookie.value },
    })
    expect(noCsrf.statusCode).toBe(403)
    expect(noCsrf.json().code).toBe('CSRF_TOKEN_MISSING')
    const out = await t.request({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: cookie.value, 'x-csrf-token': res.json().csrfToken },
    })
    expect(out.statusCode).toBe(204)
    expect(
      (await t.request({ method: 'GET', url: '/api/me', headers: { cookie: cookie.value } })).statusCode,
    ).toBe(401)
  })

  it('marks the cookie Secure behind https', async () => {
    const ws = await t.newWorkspace()
    const res = await t.request({
      method: 'POST',
      url: '/api/auth/login',
      payload: ws.owner,
      headers: { 'x-forwarded-proto': 'https' },
    })
    // trustProxy is off by default, so a forged header must not change anything...
    expect(cookieOf(res.headers['set-cookie']).header).not.toMatch(/Secure/i)
  })

  it('requires the CSRF header for cookie writes but not for token writes', async () => {
    const ws = await t.newWorkspace()
    const login = await t.request({ method: 'POST', url: '/api/auth/login', payload: ws.owner })
    const cookie = cookieOf(login.headers['set-cookie']).value
    const body = { name: 'ci', role: 'viewer' }
    const forged = await t.request({
      method: 'POST',
      url: '/api/tokens',
      headers: { cookie, 'x-csrf-token': 'wrong' },
      payload: body,
    })
    expect(forged.statusCode).toBe(403)
    const ok = await t.request({
      method: 'POST',
      url: '/api/tokens',
      headers: { cookie, 'x-csrf-token': login.json().csrfToken },
      payload: body,
    })
    expect(ok.statusCode).toBe(201)
    expect(
      (await t.request({ method: 'POST', url: '/api/tokens', headers: ws.headers, payload: body }))
        .statusCode,
    ).toBe(201)
  })

  it('answers a wrong password and an unknown email the same way', async () => {
    const ws = await t.newWorkspace()
    const wrong = await t.request({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: ws.owner.email, password: 'nope nope nope' },
    })
    const unknown = await t.request({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'ghost@x.test', password: 'nope nope nope' },
    })
    expect(wrong.statusCode).toBe(401)
    expect(unknown.statusCode).toBe(401)
    expect(wrong.json().detail).toBe(unknown.json().detail)
  })

  it(`locks a login for ${LOCK_MINUTES} minutes after ${MAX_FAILED_ATTEMPTS} wrong passwords`, async () => {
    const ws = await t.newWorkspace()
    for (let i = 0; i < MAX_FAILED_ATTEMPTS; i++) {
      const r = await t.request({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: ws.owner.email, password: `wrong-${i}-xx` },
      })
      expect(r.statusCode).toBe(401)
    }
    const locked = await t.request({ method: 'POST', url: '/api/auth/login', payload: ws.owner })
    expect(locked.statusCode).toBe(429)
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(LOCK_MINUTES * 60 - 30)
    // Once the lock has passed, the right password works again.
    await t.db
      .updateTable('logins')
      .set({ locked_until: new Date(Date.now() - 1000) })
      .where('email', '=', ws.owner.email)
      .execute()
    expect((await t.request({ method: 'POST', url: '/api/auth/login', payload: ws.owner })).statusCode).toBe(
      200,
    )
  })

  it('ends the sessions of a deactivated user', async () => {
    const ws = await t.newWorkspace()
    const creds = { email: 'temp@x.test', password: 'long enough pw' }
    const user = (
      await t.request({
        method: 'POST',
        url: '/api/users',
        headers: ws.headers,
        payload: { ...creds, name: 'Temp', role: 'agent' },
      })
    ).json()
    const login = await t.request({ method: 'POST', url: '/api/auth/login', payload: creds })
    const cookie = cookieOf(login.headers['set-cookie']).value
    expect((await t.request({ method: 'GET', url: '/api/me', headers: { cookie } })).statusCode).toBe(200)
    await t.request({ method: 'POST', url: `/api/users/${user.id}/deactivate`, headers: ws.headers })
    expect((await t.request({ method: 'GET', url: '/api/me', headers: { cookie } })).statusCode).toBe(401)
    expect((await t.request({ method: 'POST', url: '/api/auth/login', payload: creds })).statusCode).toBe(401)
  })
})
