import { expect, it } from 'vitest'
import { describeEachDb } from '../../../test/test-app.js'

describeEachDb('API tokens', (t) => {
  it('shows the secret once, stores only a hash, and stops working when revoked', async () => {
    const ws = await t.newWorkspace()
    const created = await t.request({
      method: 'POST',
      url: '/api/tokens',
      headers: ws.headers,
      payload: { name: 'ci', role: 'viewer' },
    })
    expect(created.statusCode).toBe(201)
    const { token, id } = created.json()
    expect(token).toMatch(/^ctk_[0-9a-f]{32}_[\w-]{43}$/)
    const list = await t.request({ method: 'GET', url: '/api/tokens', headers: ws.headers })
    expect(JSON.stringify(list.json())).not.toContain(token)
    const stored = await t.db
      .selectFrom('api_tokens')
      .select('token_hash')
      .where('workspace_id', '=', ws.workspace.id)
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
    expect(stored.token_hash).not.toContain(token.slice(-20))

    const bearer = { authorization: `Bearer ${token}` }
    const me = await t.request({ method: 'GET', url: '/api/me', headers: bearer })
    expect(me.json()).toMatchObject({ role: 'viewer', tokenId: id, user: null })
    const revoked = await t.request({ method: 'POST', url: `/api/tokens/${id}/revoke`, headers: ws.headers })
    expect(revoked.json().revokedAt).not.toBeNull()
    const after = await t.request({ method: 'GET', url: '/api/me', headers: bearer })
    expect(after.statusCode).toBe(401)
    expect(after.json().code).toBe('INVALID_TOKEN')
  })

  it('refuses malformed, tampered and expired tokens', async () => {
    const ws = await t.newWorkspace()
    const tampered = `${ws.token.slice(0, -1)}${ws.token.endsWith('A') ? 'B' : 'A'}`
    for (const bad of [
      'nonsense',
      tampered,
      'ctk_00000000000000000000000000000000_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
    ]) {
      const res = await t.request({
        method: 'GET',
        url: '/api/me',
        headers: { authorization: `Bearer ${bad}` },
      })
      expect(res.statusCode).toBe(401)
    }
    const past = new Date(Date.now() - 60_000).toISOString()
    const expiring = await t.request({
      method: 'POST',
      url: '/api/tokens',
      headers: ws.headers,
      payload: { name: 'old', role: 'viewer', expiresAt: past },
    })
    const res = await t.request({
      method: 'GET',
      url: '/api/me',
      headers: { authorization: `Bearer ${expiring.json().token}` },
    })
    expect(res.statusCode).toBe(401)
  })

  it('refuses tokens with a role above the creator', async () => {
    const ws = await t.newWorkspace()
    const admin = await ws.as('admin')
    const res = await t.request({
      method: 'POST',
      url: '/api/tokens',
      headers: admin,
      payload: { name: 'x', role: 'owner' },
    })
    expect(res.statusCode).toBe(403)
  })
})
