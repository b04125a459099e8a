import { expect, it } from 'vitest'
import { describeEachDb } from '../../../test/test-app.js'
import { PERMISSION_MATRIX, PERMISSIONS, ROLES } from '../../modules/platform/index.js'

describeEachDb('roles routes', (t) => {
  it('answers the roles, the permissions and the matrix to any member', async () => {
    const ws = await t.newWorkspace()
    const res = await t.request({ method: 'GET', url: '/api/roles', headers: await ws.as('viewer') })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({
      roles: [...ROLES],
      permissions: [...PERMISSIONS],
      matrix: Object.fromEntries(ROLES.map((r) => [r, [...PERMISSION_MATRIX[r]]])),
    })
  })

  it('refuses an anonymous caller', async () => {
    const res = await t.request({ method: 'GET', url: '/api/roles' })
    expect(res.statusCode).toBe(401)
  })
})
