import { sql } from 'kysely'
import { expect, it } from 'vitest'
import { buildTestApp } from '../../test/test-app.js'
import { testDbKinds } from '../../test/test-env.js'

const probe = sql<Record<string, unknown>>`
  SELECT 9007199254740991::int8 AS big, count(*) AS n, 12345678901234567890.12::numeric AS money,
    '2026-03-29'::date AS day, '2026-03-29 01:30:00.123+00'::timestamptz AS at, 1.5::float8 AS ratio,
    42::int4 AS small, true AS flag, '{"a":1}'::jsonb AS doc
  FROM (VALUES (1), (2)) v(x)`

it('parses numbers and dates identically on PGlite and PostgreSQL', async () => {
  const results: Record<string, unknown>[] = []
  for (const kind of testDbKinds()) {
    const t = await buildTestApp(kind)
    try {
      results.push((await probe.execute(t.db)).rows[0] ?? {})
      await expect(sql`SELECT 9007199254740993::int8 AS x`.execute(t.db)).rejects.toThrow(/safe integer/)
    } finally {
      await t.close()
    }
  }
  const expected = {
    big: 9007199254740991,
    n: 2,
    money: '12345678901234567890.12',
    day: '2026-03-29',
    at: new Date('2026-03-29T01:30:00.123Z'),
    ratio: 1.5,
    small: 42,
    flag: true,
    doc: { a: 1 },
  }
  for (const row of results) expect(row).toEqual(expected)
})
