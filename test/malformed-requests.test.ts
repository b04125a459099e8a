import { expect, it } from 'vitest'
import { exampleFor } from './openapi-body.js'
import { describeEachDb } from './test-app.js'

/** Small seeded PRNG (mulberry32): the same 1,000 requests on every run. */
function prng(seed: number) {
  let s = seed >>> 0
  return () => {
    s = (s + 0x6d2b79f5) >>> 0
    let r = Math.imul(s ^ (s >>> 15), 1 | s)
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296
  }
}

const NASTY_STRINGS = [
  "'; DROP TABLE users; --",
  '" OR 1=1 --',
  '<script>alert(1)</script>',
  '\u0000',
  'a\u0000b',
  '\ud800',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a log-injection probe, meant literally
  '${jndi:ldap://x}',
  '../../../../etc/passwd',
  '%00%ff',
  'x'.repeat(100_000),
  '🙂'.repeat(1000),
  '',
  ' ',
]
const WRONG_VALUES: unknown[] = [42, -1, 1e308, true, null, [], {}, [1, 2], { $gt: '' }, ...NASTY_STRINGS]
const BAD_JSON = [
  '{',
  '{"a":',
  'nul',
  '[1,2',
  '{"a":1}}',
  '\u0000',
  '{"a":"\\uZZZZ"}',
  `${'['.repeat(5000)}${']'.repeat(5000)}`,
]
const BAD_UTF8 = [
  Buffer.from([0xff, 0xfe, 0xfd]),
  Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d]),
  Buffer.from([0x7b, 0x22, 0xed, 0xa0, 0x80, 0x22, 0x3a, 0x31, 0x7d]),
]
const BAD_PARAMS = [
  "'; select 1; --",
  '..%2F..%2Fetc',
  '%00',
  'x'.repeat(5000),
  '%E0%A4%A',
  '<script>',
  '-1',
  '0x10',
]
const BAD_QUERIES = [
  'limit=-1',
  'limit=abc',
  'limit=100000',
  'cursor=!!!',
  'cursor=W10',
  'sort=%27%3Bdrop',
  'active=maybe',
  'q=%00',
  'since=yesterday',
  'role[]=x',
  `q=${'z'.repeat(5000)}`,
]

describeEachDb('malformed requests', (t) => {
  it('answers 1,000 generated malformed requests with 4xx problems and never a 5xx', async () => {
    const ws = await t.newWorkspace()
    const doc = (await t.request({ method: 'GET', url: '/api/openapi.json' })).json()
    const components = doc.components?.schemas ?? {}
    const ops: { method: string; path: string; body: unknown }[] = []
    for (const [path, methods] of Object.entries(
      doc.paths as Record<
        string,
        Record<string, { requestBody?: { content?: Record<string, { schema?: Record<string, unknown> }> } }>
      >,
    )) {
      for (const [method, op] of Object.entries(methods)) {
        ops.push({
          method: method.toUpperCase(),
          path,
          body: exampleFor(op.requestBody?.content?.['application/json']?.schema, components),
        })
      }
    }
    const rand = prng(20261123)
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T
    const auths = [ws.headers, {}, { authorization: 'Bearer nonsense' }, { cookie: 'centric_session=forged' }]
    const statuses = new Map<number, number>()
    for (let i = 0; i < 1000; i++) {
      const op = pick(ops)
      let url = op.path.replace(/\{[^}]+\}/g, () => encodeURIComponent(pick(BAD_PARAMS)))
      const headers: Record<string, string> = { ...(i % 5 === 0 ? pick(auths) : ws.headers) }
      let payload: string | Buffer | undefined
      const kind = i % 7
      if (kind === 0) payload = pick(BAD_JSON)
      else if (kind === 1) payload = pick(BAD_UTF8)
      else if (kind === 2) payload = JSON.stringify({ junk: 'x'.repeat(1024 * 1024 + 10) })
      else if (kind === 3 || kind === 4) {
        // Replace one field (or the whole body) with a value of the wrong type or a hostile string.
        const base = op.body && typeof op.body === 'object' ? { ...(op.body as Record<string, unknown>) } : {}
        const keys = Object.keys(base)
        if (keys.length && rand() < 0.8) base[pick(keys)] = pick(WRONG_VALUES)
        payload = JSON.stringify(keys.length ? base : pick(WRONG_VALUES))
      } else if (kind === 5) {
        url += `?${pick(BAD_QUERIES)}&${pick(BAD_QUERIES)}`
      } else {
        payload = JSON.stringify(op.body ?? {})
        headers['content-type'] = pick([
          'text/plain',
          'application/xml',
          'multipart/form-data',
          'application/json; charset=latin1',
        ])
      }
      if (payload !== undefined) headers['content-type'] ??= 'application/json'
      const method = op.method as 'GET'
      const res = await t.request({
        method,
        url,
        headers,
        ...(payload !== undefined && method !== 'GET' ? { payload } : {}),
      })
      // Broken bodies (bad JSON, bad UTF-8, oversize, wrong media type) on routes that take a body must
      // fail; hostile strings in otherwise valid input may be accepted as data, but never crash.
      const brokenBody = [0, 1, 2, 6].includes(kind) && method !== 'GET' && op.body !== null
      if (brokenBody)
        expect(res.statusCode, `${method} ${url.slice(0, 80)} kind ${kind}`).toBeGreaterThanOrEqual(400)
      statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1)
      expect(res.statusCode, `${method} ${url.slice(0, 120)} → ${res.body.slice(0, 300)}`).toBeLessThan(500)
      if (res.statusCode >= 400) {
        expect(res.headers['content-type'], `${method} ${url.slice(0, 80)}`).toContain(
          'application/problem+json',
        )
        expect(res.json().status).toBe(res.statusCode)
      }
    }
    const fourXX = [...statuses].filter(([s]) => s >= 400 && s < 500).reduce((n, [, c]) => n + c, 0)
    expect(fourXX).toBeGreaterThan(600)
    expect(statuses.get(413)).toBeGreaterThan(0)
  })
})
