import type { TestApp, TestWorkspace } from '../../../test/test-app.js'

/** Helpers for the service-centre tests: a signed-in person (tokens are not people) and shortcuts. */
export function serviceClient(t: TestApp, headers: Record<string, string>) {
  const call = async (method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: object) => {
    const res = await t.request({ method, url, headers, ...(payload ? { payload } : {}) })
    // Response bodies stay as loosely typed as `res.json()` gives them: tests assert on shapes.
    return { status: res.statusCode, body: res.body ? res.json() : {} }
  }
  return {
    get: (url: string) => call('GET', url),
    post: (url: string, payload: object = {}) => call('POST', url, payload),
    patch: (url: string, payload: object) => call('PATCH', url, payload),
    put: (url: string, payload: object) => call('PUT', url, payload),
    del: (url: string) => call('DELETE', url),
  }
}

/** A user with a password, signed in: cookie and CSRF headers, and the user's id. */
export async function signIn(
  t: TestApp,
  ws: TestWorkspace,
  person: { name: string; role: 'agent' | 'manager' | 'admin' },
): Promise<{ userId: string; headers: Record<string, string> }> {
  const email = `${person.name.toLowerCase().replace(/\W+/g, '.')}@${ws.workspace.slug}.test`
  const password = 'a long enough password'
  const created = await t.request({
    method: 'POST',
    url: '/api/users',
    headers: ws.headers,
    payload: { email, name: person.name, role: person.role, password },
  })
  if (created.statusCode !== 201) throw new Error(`user not created: ${created.body}`)
  const login = await t.request({ method: 'POST', url: '/api/auth/login', payload: { email, password } })
  const cookie = String(login.headers['set-cookie']).split(';')[0]!
  return { userId: created.json().id, headers: { cookie, 'x-csrf-token': login.json().csrfToken } }
}
