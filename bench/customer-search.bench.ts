// Customer list and search latency at 1,000,000 customers on PostgreSQL, measured over HTTP
// (a real listening server, fetch from this process). Target: p95 under 50 ms per query shape.
// The baseline is the p95 of GET /healthz on the same server: the HTTP floor under every figure.
// BENCH_CUSTOMERS overrides the size; DATABASE_URL (a server you own, database is created) skips
// starting a throwaway PostgreSQL.
import { sql } from 'kysely'
import pg from 'pg'
import { openPostgresDatabase } from '../src/db/dialects/postgres.js'
import { migrateToLatest } from '../src/db/migrate.js'
import { buildApp } from '../src/http/app.js'
import { recordNameWords } from '../src/modules/customers/index.js'
import { createApiToken, createWorkspace, systemActor } from '../src/modules/platform/index.js'
import { startTestPostgres } from '../test/postgres-server.js'
import { type Figure, timedClient } from './bench-support.js'

const N = Number(process.env.BENCH_CUSTOMERS ?? 1_000_000)
const RUNS = 40

const FIRST = [
  'Anna',
  'Lukas',
  'Sophie',
  'Jonas',
  'Marie',
  'Felix',
  'Camille',
  'Louis',
  'Chloé',
  'Hugo',
  'Emma',
  'Liam',
  'Olivia',
  'Noah',
  'Ava',
  'Ethan',
  'Lucía',
  'Mateo',
  'Yui',
  'Haruto',
  'Margarethe',
  'Jonathan',
  'Aiko',
  'Priya',
  'Omar',
  'Fatima',
  'Chen',
  'Olga',
  'Sven',
  'Ingrid',
]
const LAST = [
  'Müller',
  'Schmidt',
  'Schneider',
  'Fischer',
  'Weber',
  'Martin',
  'Bernard',
  'Dubois',
  'Johnson',
  'Williams',
  'Brown',
  'Garcia',
  'Fernández',
  'Sato',
  'Suzuki',
  'Watanabe',
  'Schulz',
  'Smithers',
  'Patel',
  'Haddad',
  'Wang',
  'Ivanova',
  'Lindqvist',
  'Berg',
  'Novak',
  'Kowalski',
  'Rossi',
  'Silva',
  'Okafor',
  'Nakamura',
]

export async function seedForExplain(db: ReturnType<typeof openPostgresDatabase>['db'], workspaceId: string) {
  return seed(db, workspaceId)
}

async function seed(db: ReturnType<typeof openPostgresDatabase>['db'], workspaceId: string) {
  // Set-based generation: names, emails and phones vary with g so that search has to discriminate.
  await sql`
    INSERT INTO customers (workspace_id, id, external_id, name, emails, phones, country, lifecycle_stage,
                           tags, revenue, orders_count, last_purchase_at, created_at)
    SELECT ${workspaceId}, centric_uuid7(), 'C-' || g,
      f.v || ' ' || l.v,
      ARRAY[lower(translate(f.v || '.' || l.v, 'éüá', 'eua')) || g || '@example.com'],
      ARRAY['+4915' || (100000000 + g)::text],
      (ARRAY['DE','FR','US','ES','JP'])[1 + g % 5],
      (ARRAY['lead','customer','customer','customer','churned'])[1 + (g / 7) % 5],
      CASE WHEN g % 10 = 0 THEN ARRAY['vip'] ELSE '{}' END,
      ((g * 7919) % 500000) / 100.0,
      (g * 31) % 40,
      CASE WHEN g % 9 = 0 THEN NULL ELSE timestamptz '2026-01-01' - ((g * 13) % 900) * interval '1 day' END,
      timestamptz '2024-01-01' + (g % 700) * interval '1 day'
    FROM generate_series(1::bigint, ${N}) g
    CROSS JOIN LATERAL (SELECT (${FIRST}::text[])[1 + (g * 17) % ${FIRST.length}] AS v) f
    CROSS JOIN LATERAL (SELECT (${LAST}::text[])[1 + (g * 7) % ${LAST.length}] AS v) l`.execute(db)
  // Rows written by SQL, not through the module: the name-word list is built the same way.
  await recordNameWords(
    db,
    workspaceId,
    sql<{ name: string }>`SELECT name FROM customers WHERE workspace_id = ${workspaceId}`,
  )
  await sql`ANALYZE customers`.execute(db)
  await sql`ANALYZE customer_name_words`.execute(db)
}

export default async function bench(): Promise<Figure[]> {
  const own = process.env.DATABASE_URL ? undefined : await startTestPostgres()
  const adminUrl = process.env.DATABASE_URL ?? own?.url('postgres') ?? ''
  const dbName = `bench_search_${process.pid}`
  const admin = new pg.Client({ connectionString: adminUrl })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${dbName}`)
  await admin.end()
  const url = adminUrl.replace(/\/[^/]*$/, `/${dbName}`)
  const handle = openPostgresDatabase(url)
  const app = await buildApp({
    db: handle.db,
    dbKind: 'postgres',
    raw: { kind: 'postgres', pool: handle.pool },
  })
  try {
    await migrateToLatest(handle.db)
    const ws = await createWorkspace(handle.db, { slug: 'bench', name: 'Bench' })
    const { token } = await createApiToken(handle.db, systemActor(ws.id), { name: 'bench', role: 'owner' })
    const seededAt = performance.now()
    await seed(handle.db, ws.id)
    const seedSeconds = (performance.now() - seededAt) / 1000
    const base = await app.listen({ port: 0, host: '127.0.0.1' })
    const { call: time, measure: timed } = timedClient(base, token)
    const measure = (path: string, body?: object) => timed(path, { body, warmup: 3, runs: RUNS })
    const health = await measure('/healthz')
    const second = (await time('/api/customers?sort=name&limit=50')).json.nextCursor
    const shapes: [string, string, object?][] = [
      ['newest first', '/api/customers?limit=50'],
      ['by name, page 2', `/api/customers?sort=name&limit=50&cursor=${second}`],
      ['by revenue desc', '/api/customers?sort=-revenue&limit=50'],
      ['filter stage+country+tag', '/api/customers?stage=churned&country=DE&tag=vip&limit=50'],
      ['filter with no match (FR+vip)', '/api/customers?country=FR&tag=vip&limit=50'],
      ['search exact name', `/api/customers?q=${encodeURIComponent('Aiko Schneider')}&limit=50`],
      ['search misspelled name', `/api/customers?q=${encodeURIComponent('Margarete Brwon')}&limit=50`],
      ['search email fragment', `/api/customers?q=${encodeURIComponent('jonathan.ivanova123453')}&limit=50`],
      ['search phone', `/api/customers?q=${encodeURIComponent('+49 15 100 424 242')}&limit=50`],
      ['search external id', '/api/customers?q=C-777777&limit=50'],
      [
        'full filter (POST search)',
        '/api/customers/search',
        {
          filter: { revenueMin: '4000', lastPurchaseAfter: '2025-06-01', countries: ['DE'] },
          sort: '-last_purchase_at',
          limit: 50,
        },
      ],
    ]
    const figures: Figure[] = [
      { name: `customer-search seed ${N} customers (SQL)`, value: seedSeconds, unit: 's' },
    ]
    for (const [label, path, body] of shapes) {
      figures.push({
        name: `customer-search p95 ${label} @${N}`,
        value: await measure(path, body),
        unit: 'ms',
        target: 50,
        baseline: health,
      })
    }
    return figures
  } finally {
    await app.close()
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
