// `centric value score` end to end on PostgreSQL: 1,000,000 customers with about 2.5M purchase
// lines (and 200k cost-to-serve entries), scored by the real CLI in a child process, timed from
// spawn to exit, with the child's peak RSS from /usr/bin/time. A 100,000-customer workspace is
// scored the same way, so the two RSS figures show memory does not grow with customers. The
// baseline is one full scan of the workspace's purchases (count and sum), the floor under any
// summary. BENCH_CUSTOMERS overrides the size; DATABASE_URL (a server you own) skips starting
// a throwaway PostgreSQL.
import { execFile } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { sql } from 'kysely'
import pg from 'pg'
import { openPostgresDatabase } from '../src/db/dialects/postgres.js'
import { migrateToLatest } from '../src/db/migrate.js'
import { createWorkspace } from '../src/modules/platform/index.js'
import { startTestPostgres } from '../test/postgres-server.js'
import type { Figure } from './bench-support.js'

const N = Number(process.env.BENCH_CUSTOMERS ?? 1_000_000)
const SMALL = Math.round(N / 10)
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const run = promisify(execFile)

type Db = ReturnType<typeof openPostgresDatabase>['db']

/**
 * Customers acquired over 2024, each with 1 + ⌊Exp(mean 1.96)⌋ purchase days (mean ≈ 2.5) spread
 * uniformly from acquisition to the day the customer leaves (exponential lifetime, mean 400 days)
 * or the end of 2025; 2% of lines refunded; a cost-to-serve entry for one customer in five.
 * Set-based and seeded, so every run sees the same data. Exported for EXPLAIN sessions.
 */
export async function seedValueBench(db: Db, workspaceId: string, n: number) {
  await sql`SELECT setseed(0.42)`.execute(db)
  await sql`
    INSERT INTO customers (workspace_id, id, external_id, name, emails, country)
    SELECT ${workspaceId}::uuid, centric_uuid7(), 'B-' || g, 'Bench Customer ' || g,
      ARRAY['bench' || g || '@example.com'], (ARRAY['DE','FR','US','ES','JP'])[1 + g % 5]
    FROM generate_series(1, ${n}::int) g`.execute(db)
  await sql`
    INSERT INTO purchases (workspace_id, customer_id, amount, cost, occurred_at, status)
    SELECT ${workspaceId}::uuid, c.id, round((5 + random() * 60)::numeric, 2), round((2 + random() * 20)::numeric, 2),
      timestamptz '2024-01-01 12:00Z'
        + (CASE WHEN k = 1 THEN c.b ELSE c.b + floor(random() * (c.e - c.b))::int END) * interval '1 day',
      CASE WHEN random() < 0.02 THEN 'refunded' ELSE 'completed' END
    FROM (
      SELECT id, b, least(730, b + 1 + floor(-ln(1 - random()) * 400)::int) AS e,
        1 + floor(-ln(1 - random()) * 1.96)::int AS n
      FROM (SELECT id, floor(random() * 365)::int AS b FROM customers WHERE workspace_id = ${workspaceId}) a
    ) c CROSS JOIN LATERAL generate_series(1, c.n) k`.execute(db)
  await sql`
    INSERT INTO cost_entries (workspace_id, customer_id, source, kind, amount, occurred_at)
    SELECT ${workspaceId}::uuid, id, 'import', 'case.phone', round((2 + random() * 30)::numeric, 2),
      timestamptz '2025-06-01'
    FROM customers WHERE workspace_id = ${workspaceId} AND random() < 0.2`.execute(db)
  await sql`ANALYZE customers`.execute(db)
  await sql`ANALYZE purchases`.execute(db)
}

/** Runs the CLI under /usr/bin/time: wall seconds, peak RSS in MB and the run it printed. */
async function score(url: string, slug: string) {
  const t0 = performance.now()
  const { stdout, stderr } = await run(
    '/usr/bin/time',
    [
      '-v',
      process.execPath,
      path.join(ROOT, 'bin', 'centric.js'),
      'value',
      'score',
      '--workspace',
      slug,
      '--json',
    ],
    { cwd: ROOT, env: { ...process.env, DATABASE_URL: url }, maxBuffer: 64 << 20 },
  )
  const seconds = (performance.now() - t0) / 1000
  const rssKb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(stderr)?.[1] ?? Number.NaN)
  const view = JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as {
    status: string
    message: string | null
    customersScored: number
    tierChanges: number
    result: { timings: Record<string, number>; distinctRows: number }
  }
  if (view.status !== 'succeeded') throw new Error(`value score failed: ${view.message}`)
  return { seconds, rssMb: rssKb / 1024, view }
}

export default async function bench(): Promise<Figure[]> {
  const own = process.env.DATABASE_URL ? undefined : await startTestPostgres()
  const adminUrl = process.env.DATABASE_URL ?? own?.url('postgres') ?? ''
  const dbName = `bench_value_${process.pid}`
  const admin = new pg.Client({ connectionString: adminUrl })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${dbName}`)
  await admin.end()
  const url = adminUrl.replace(/\/[^/]*$/, `/${dbName}`)
  const handle = openPostgresDatabase(url)
  try {
    await migrateToLatest(handle.db)
    const big = await createWorkspace(handle.db, { slug: 'bench', name: 'Bench' })
    const small = await createWorkspace(handle.db, { slug: 'bench-small', name: 'Bench small' })
    const seededAt = performance.now()
    await seedValueBench(handle.db, big.id, N)
    const seedSeconds = (performance.now() - seededAt) / 1000
    await seedValueBench(handle.db, small.id, SMALL)
    const { rows } = await sql<{ lines: number }>`
      SELECT count(*)::int AS lines FROM purchases WHERE workspace_id = ${big.id}`.execute(handle.db)
    const scanAt = performance.now()
    await sql`SELECT count(*), sum(amount) FROM purchases WHERE workspace_id = ${big.id}`.execute(handle.db)
    const scanSeconds = (performance.now() - scanAt) / 1000

    const smallRun = await score(url, 'bench-small')
    const first = await score(url, 'bench')
    const second = await score(url, 'bench')
    // In the order the phases run (the stored result sorts its keys).
    const phases = (t: Record<string, number>) =>
      ['summarise', 'fit', 'predict', 'write', 'tiers']
        .filter((k) => t[`${k}Ms`] !== undefined)
        .map((k) => `${k} ${(t[`${k}Ms`]! / 1000).toFixed(1)}`)
        .join(', ')
    console.log(
      `value-score: ${N} customers, ${rows[0]!.lines} purchase lines, ${first.view.result.distinctRows} distinct (x, t_x, T) rows; phases (s) of the first run: ${phases(first.view.result.timings)} (${first.view.tierChanges} tier changes); of the second run: ${phases(second.view.result.timings)} (${second.view.tierChanges} tier changes)`,
    )
    return [
      {
        name: `value-score seed ${N} customers, ${rows[0]!.lines} purchases (SQL)`,
        value: seedSeconds,
        unit: 's',
      },
      {
        name: `value-score centric value score @${N} customers, first run (every tier new)`,
        value: first.seconds,
        unit: 's',
        target: 60,
        baseline: scanSeconds,
      },
      {
        name: `value-score centric value score @${N} customers, second run`,
        value: second.seconds,
        unit: 's',
        target: 60,
        baseline: scanSeconds,
      },
      { name: `value-score peak RSS @${N} customers`, value: first.rssMb, unit: 'MB' },
      { name: `value-score peak RSS @${SMALL} customers`, value: smallRun.rssMb, unit: 'MB' },
    ]
  } finally {
    await handle.close()
    if (own) own.stop()
    else {
      const drop = new pg.Client({ connectionString: adminUrl })
      await drop.connect()
      await drop.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`)
      await drop.end()
    }
  }
}
