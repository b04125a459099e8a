import { Validator } from '@seriousme/openapi-schema-validator'
import { expect, it } from 'vitest'
import { describeEachDb } from '../../test/test-app.js'

describeEachDb('OpenAPI document', (t) => {
  it('is valid OpenAPI 3.1 and documents every API route with its problem responses', async () => {
    const res = await t.request({ method: 'GET', url: '/api/openapi.json' })
    expect(res.statusCode).toBe(200)
    const doc = res.json()
    expect(doc.openapi).toBe('3.1.0')
    const result = await new Validator().validate(doc)
    expect(result.errors ?? []).toEqual([])
    expect(result.valid).toBe(true)

    const documented = new Set<string>()
    for (const [path, methods] of Object.entries(
      doc.paths as Record<string, Record<string, { responses: Record<string, unknown> }>>,
    )) {
      for (const [method, op] of Object.entries(methods)) {
        documented.add(`${method.toUpperCase()} ${path}`)
        for (const status of ['400', '401', '403', '404', '409', '413', '422', '429']) {
          expect(op.responses[status], `${method} ${path} documents ${status}`).toBeDefined()
        }
      }
    }
    const registered = t.app.apiRoutes
      .filter((r) => r.url !== '/api/openapi.json')
      .map((r) => `${r.method} ${r.url.replace(/:(\w+)/g, '{$1}')}`)
    expect(registered.length).toBeGreaterThan(10)
    for (const route of registered) expect(documented.has(route), route).toBe(true)
  })

  it('serves the docs page', async () => {
    const res = await t.request({ method: 'GET', url: '/api/docs/' })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toContain('text/html')
  })
})
