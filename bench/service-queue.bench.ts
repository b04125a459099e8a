// Service centre at 100,000 open cases on PostgreSQL, over HTTP (a real listening server, fetch
// from this process). Targets: a queue page p95 under 50 ms; case creation at least 500 per second
// (reported as milliseconds per case at 16 concurrent clients: at most 2 ms). Baselines: p95 of
// GET /healthz, and GET /healthz throughput at the same concurrency (the HTTP floor under each).
// BENCH_CASES overrides the size; DATABASE_URL (a server you own) skips the throwaway PostgreSQL.
import { sql } from 'kysely'
import pg from 'pg'
import { openPostgresDatabase } from '../src/db/dialects/postgres.js'
import { migrateToLatest } from '../src/db/migrate.js'
import { buildApp } from '../src/http/app.js'
import { createApiToken, createUser, createWorkspace, systemActor } from '../src/modules/platform/index.js'
import { createPolicy, createRoutingRule, createTeam, sweepSla } from '../src/modules/service/index.js'
import { startTestPostgres } from '../test/postgres-server.js'
import { type Figure, timedClient } from './bench-support.js'

const N = Number(process.env.BENCH_CASES ?? 100_000)
const CUSTOMERS = 20_000
const RUNS = 60
const CREATE = Number(process.env.BENCH_CREATE ?? 3000)
const CONCURRENCY = 16

type Db = ReturnType<typeof openPostgresDatabase>['db']

/** Teams of 10 agents; 100,000 unresolved cases, half of them in the big team's queue. */
async function seed(db: Db, workspaceId: string) {
  const actor = systemActor(workspaceId)
  const agents: string[] = []
  for (let i = 0; i < 20; i++) {
    const u = await createUser(db, actor, {
      email: `agent${i}@bench.test`,
      name: `Agent ${i}`,
      role: 'agent',
      password: 'bench password 123',
    })
    agents.push(u.id)
  }
  const teams: string[] = []
  for (const [i, name] of ['Care', 'Repairs', 'Billing', 'Key accounts'].entries()) {
    const members = agents.slice((i * 5) % 20, ((i * 5) % 20) + 10).map((userId) => ({ userId }))
    teams.push((await createTeam(db, actor, { name, members })).id)
  }
  const policy = await createPolicy(db, actor, {
    name: 'Default',
    appliesTo: 'default',
    targets: {
      urgent: { firstResponse: 30, nextResponse: 60, resolution: 480 },
      high: { firstResponse: 60, nextResponse: 120, resolution: 960 },
      normal: { firstResponse: 240, nextResponse: 480, resolution: 2880 },
      low: { firstResponse: 480, nextResponse: 960, resolution: 5760 },
    },
  })
  await createRoutingRule(db, actor, { name: 'All', teamId: teams[0]!, strategy: 'round_robin' })
  await sql`
    INSERT INTO customers (workspace_id, id, name, emails, tier)
    SELECT ${workspaceId}, centric_uuid7(), 'Customer ' || g, ARRAY['c' || g || '@example.com'],
      (ARRAY['platinum','gold','silver','bronze','bronze', NULL])[1 + g % 6]
    FROM generate_series(1, ${CUSTOMERS}) g`.execute(db)
  await sql`INSERT INTO case_numbers (workspace_id, last_number) VALUES (${workspaceId}, ${N})`.execute(db)
  // Deadlines spread from two hours overdue to two days ahead; 1 in 10 waiting (no deadline).
  await sql`
    WITH c AS (SELECT id, row_number() OVER (ORDER BY id) AS r FROM customers WHERE workspace_id = ${workspaceId})
    INSERT INTO cases (workspace_id, id, number, channel, requester_kind, customer_id, subject, urgency, tier,
                       priority, priority_source, status, team_id, assignee_id, sla_policy_id, opened_at, next_due_at,
                       first_response_due_at, resolution_due_at, sla_check_at, created_at, updated_at)
    SELECT ${workspaceId}, centric_uuid7(), g, (ARRAY['email','phone','chat','web_form'])[1 + g % 4], 'customer',
      c.id, 'Case ' || g, 'medium', NULL,
      (ARRAY['urgent','high','normal','normal','low'])[1 + g % 5], 'matrix',
      CASE WHEN g % 10 = 0 THEN 'waiting_on_customer' WHEN g % 3 = 0 THEN 'new' ELSE 'open' END,
      (${sql.val(teams)}::uuid[])[CASE WHEN g % 20 < 10 THEN 1 WHEN g % 20 < 15 THEN 2 WHEN g % 20 < 18 THEN 3 ELSE 4 END],
      CASE WHEN g % 4 = 0 THEN NULL ELSE (${sql.val(agents)}::uuid[])[1 + g % 20] END,
      ${policy.id}::uuid,
      now() - (g % 4320) * interval '1 minute',
      CASE WHEN g % 10 = 0 THEN NULL ELSE now() + ((g * 7919) % 3000 - 120) * interval '1 minute' END,
      now() + ((g * 7919) % 3000 - 120) * interval '1 minute',
      now() + ((g * 7919) % 3000 + 2000) * interval '1 minute',
      now() + ((g * 7919) % 3000 - 120) * interval '1 minute',
      now(), now()
    FROM generate_series(1, ${N}) g JOIN c ON c.r = 1 + g % ${CUSTOMERS}`.execute(db)
  await sql`ANALYZE`.execute(db)
  return { teams, agents }
}

export default async function bench(): Promise<Figure[]> {
  const own = process.env.DATABASE_URL ? undefined : await startTestPostgres()
  const adminUrl = process.env.DATABASE_URL ?? own?.url('postgres') ?? ''
  const dbName = `bench_service_${process.pid}`
  const admin = new pg.Client({ connectionString: adminUrl })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${dbName}`)
  await admin.end()
  const handle = openPostgresDatabase(adminUrl.replace(/\/[^/]*$/, `/${dbName}`))
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
    const { teams } = await seed(handle.db, ws.id)
    const seedSeconds = (performance.now() - seededAt) / 1000
    const base = await app.listen({ port: 0, host: '127.0.0.1' })
    const { call, measure: timed } = timedClient(base, token)
    const measure = (path: string) => timed(path, { warmup: 5, runs: RUNS })
    const health = await measure('/healthz')
    const big = teams[0]!
    const page2 = (await call(`/api/service/queues/${big}?limit=50`)).json.nextCursor
    const figures: Figure[] = [{ name: `service seed ${N} open cases (SQL)`, value: seedSeconds, unit: 's' }]
    for (const [label, path, target] of [
      [
        `queue page (50 of the ${(N / 2).toLocaleString('en')}-case team)`,
        `/api/service/queues/${big}?limit=50`,
        50,
      ],
      ['queue page 2 by cursor', `/api/service/queues/${big}?limit=50&cursor=${page2}`, 50],
      ['queue page, unassigned only', `/api/service/queues/${big}?limit=50&assignee=none`, 50],
      ['queue page, small team', `/api/service/queues/${teams[3]}?limit=50`, 50],
      ['queue health (big team)', `/api/service/queues/${big}/health`, undefined],
    ] as const) {
      figures.push({
        name: `service p95 ${label} @${N}`,
        value: await measure(path),
        unit: 'ms',
        ...(target ? { target } : {}),
        baseline: health,
      })
    }

    // Throughput: CONCURRENCY clients, each sending its share of requests one after another.
    const customers = (
      await sql<{
        id: string
      }>`SELECT id FROM customers WHERE workspace_id = ${ws.id} ORDER BY id LIMIT 1000`.execute(handle.db)
    ).rows.map((r) => r.id)
    const throughput = async (total: number, one: (i: number) => Promise<unknown>) => {
      let next = 0
      const t0 = performance.now()
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          for (let i = next++; i < total; i = next++) await one(i)
        }),
      )
      return (performance.now() - t0) / total
    }
    const healthRate = await throughput(CREATE, () => call('/healthz'))
    await throughput(200, (i) =>
      call('/api/cases', { channel: 'email', customerId: customers[i % 1000], subject: 'warm-up' }),
    )
    const perCase = await throughput(CREATE, (i) =>
      call('/api/cases', {
        channel: 'email',
        customerId: customers[i % customers.length],
        subject: `Bench case ${i}`,
        category: 'Orders',
        urgency: 'medium',
      }),
    )
    figures.push({
      name: `service case creation over HTTP, ${CREATE} cases at ${CONCURRENCY} clients (ms per case; ${Math.round(1000 / perCase)}/s)`,
      value: perCase,
      unit: 'ms',
      target: 2,
      baseline: healthRate,
    })
    const sweepAt = performance.now()
    const swept = await sweepSla(handle.db, new Date(Date.now() + 3 * 3600_000), { maxBatches: 10 })
    figures.push({
      name: `service SLA sweep, ${swept.checked} due cases (warnings, breaches, escalations)`,
      value: (performance.now() - sweepAt) / Math.max(1, swept.checked),
      unit: 'ms per case',
    })
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
