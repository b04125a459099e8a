// Speed and memory of CSV imports. PostgreSQL: a 1,000,000-line purchases file through the whole
// import, against a raw COPY of the same file into an unindexed text table on the same server
// (the baseline). The embedded database: the same file. Memory: the peak RSS of import processes
// for 100k lines and for 1M lines (5M with BENCH_FULL=1, which makes the run several times longer,
// mostly the embedded database's import).
// Each import runs in a child process with a fresh database, customers first (one per 10 lines).
// BENCH_IMPORT_SIZES=10000,50000,100000 runs smaller sizes (small, timed, big) for a quick check.
import { execFile } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import pg from 'pg'
import { from as copyFrom } from 'pg-copy-streams'
import { startTestPostgres } from '../test/postgres-server.js'
import type { Figure } from './bench-support.js'
import { writeCustomersCsv, writePurchasesCsv } from './import-data.js'

interface ChildResult {
  customersMs: number
  customersInserted: number
  purchasesMs: number
  purchasesCpuMs: number
  phases: Record<string, number>
  counts: { inserted: number; invalid: number }
  maxRssMb: number
}

const run = promisify(execFile)
const CHILD = path.join(path.dirname(fileURLToPath(import.meta.url)), 'import-child.ts')

async function importInChild(
  kind: 'pglite' | 'postgres',
  target: string,
  customers: string,
  purchases: string,
) {
  const { stdout } = await run(
    process.execPath,
    ['--import', 'tsx', CHILD, kind, target, customers, purchases],
    {
      maxBuffer: 1 << 20,
      env: { ...process.env, DATABASE_URL: '' },
    },
  )
  const result = JSON.parse(stdout.trim().split('\n').pop()!) as ChildResult
  const load = os.loadavg()[0]!.toFixed(1)
  console.error(
    `imports: ${kind} ${path.basename(purchases)} (load average ${load}): ${JSON.stringify(result)}`,
  )
  return result
}

/** Raw COPY of the file into a fresh table of text columns without any index: the speed limit. */
async function rawCopy(url: string, file: string): Promise<number> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    await client.query('DROP TABLE IF EXISTS raw_copy')
    await client.query(
      'CREATE TABLE raw_copy (external_id text, customer_external_id text, occurred_at text, amount text, cost text, currency text, product_sku text, quantity text, channel text, status text)',
    )
    const t0 = performance.now()
    await pipeline(
      fs.createReadStream(file),
      client.query(copyFrom('COPY raw_copy FROM STDIN WITH (FORMAT csv, HEADER)')),
    )
    return performance.now() - t0
  } finally {
    await client.end()
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

export default async function bench(): Promise<Figure[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'centric-import-bench-'))
  const given = process.env.BENCH_IMPORT_SIZES?.split(',').map(Number)
  const [small, timed, big] = ((given?.length === 3 ? given : undefined) ?? [
    100_000,
    1_000_000,
    process.env.BENCH_FULL === '1' ? 5_000_000 : 1_000_000,
  ]) as [number, number, number]
  const sizes = [...new Set([small, timed, big])]
  const files = new Map<number, { customers: string; purchases: string }>()
  for (const n of sizes) {
    const f = {
      customers: path.join(dir, `customers-${n}.csv`),
      purchases: path.join(dir, `purchases-${n}.csv`),
    }
    await writeCustomersCsv(f.customers, n / 10)
    await writePurchasesCsv(f.purchases, n)
    files.set(n, f)
  }
  const server = process.env.DATABASE_URL ? undefined : await startTestPostgres()
  const adminUrl = process.env.DATABASE_URL ?? server!.url('postgres')
  const admin = new pg.Client({ connectionString: adminUrl })
  await admin.connect()
  const freshDatabase = async (name: string) => {
    await admin.query(`DROP DATABASE IF EXISTS ${name}`)
    await admin.query(`CREATE DATABASE ${name}`)
    return adminUrl.replace(/\/[^/?]+(\?|$)/, `/${name}$1`)
  }
  try {
    const million = files.get(timed)!
    const copyUrl = await freshDatabase('bench_copy')
    const copies: number[] = []
    const copyOnce = async () => {
      copies.push(await rawCopy(copyUrl, million.purchases))
      console.error(
        `imports: raw COPY (load average ${os.loadavg()[0]!.toFixed(1)}): ${copies.at(-1)!.toFixed(0)} ms`,
      )
    }

    const postgres = new Map<number, ChildResult>()
    const pglite = new Map<number, ChildResult>()
    for (const n of sizes) {
      const f = files.get(n)!
      // The baseline is taken on both sides of the timed import, so both see the same machine
      // (others may be loading it).
      if (n === timed) await copyOnce()
      postgres.set(
        n,
        await importInChild('postgres', await freshDatabase(`bench_import_${n}`), f.customers, f.purchases),
      )
      if (n === timed) {
        await copyOnce()
        await copyOnce()
      }
      pglite.set(n, await importInChild('pglite', path.join(dir, `pglite-${n}`), f.customers, f.purchases))
      fs.rmSync(path.join(dir, `pglite-${n}`), { recursive: true, force: true })
    }
    const copyMs = median(copies)
    const pgMillion = postgres.get(timed)!
    const liteMillion = pglite.get(timed)!
    const growth = (m: Map<number, ChildResult>) => (m.get(big)!.maxRssMb / m.get(small)!.maxRssMb - 1) * 100
    const label = (n: number) => (n >= 1_000_000 ? `${n / 1_000_000}M` : `${n / 1000}k`)
    return [
      {
        name: `imports: ${label(timed)} purchase lines into PostgreSQL, whole import (staging, checks, write, totals)`,
        value: pgMillion.purchasesMs,
        unit: 'ms',
        // context: raw COPY of the same file into an unindexed table, same server, same run
        baseline: copyMs,
      },
      {
        name: 'imports: PostgreSQL import time ÷ raw COPY time (≤ 1.67 means ≥ 60% of COPY throughput)',
        value: pgMillion.purchasesMs / copyMs,
        unit: 'x',
        target: 1 / 0.6,
      },
      {
        name: `imports: ${label(timed)} purchase lines into the embedded database (PGlite), whole import`,
        value: liteMillion.purchasesMs,
        unit: 'ms',
        target: 60_000,
      },
      {
        name: 'imports: CPU time of that PGlite import (the wall time less waiting for a busy machine)',
        value: liteMillion.purchasesCpuMs,
        unit: 'ms',
        target: 60_000,
      },
      {
        name: `imports: ${label(timed / 10)} customers (the purchases file’s customers) into PostgreSQL / PGlite`,
        value: pgMillion.customersMs,
        unit: 'ms',
        baseline: liteMillion.customersMs,
      },
      {
        name: `imports: peak RSS, PostgreSQL, ${label(small)} lines`,
        value: postgres.get(small)!.maxRssMb,
        unit: 'MB',
        target: 400,
      },
      {
        name: `imports: peak RSS, PostgreSQL, ${label(big)} lines`,
        value: postgres.get(big)!.maxRssMb,
        unit: 'MB',
        target: 400,
      },
      {
        name: `imports: peak RSS growth ${label(small)} → ${label(big)} lines, PostgreSQL`,
        value: growth(postgres),
        unit: '%',
        target: 10,
      },
      {
        name: `imports: peak RSS, PGlite, ${label(small)} lines`,
        value: pglite.get(small)!.maxRssMb,
        unit: 'MB',
        target: 1000,
      },
      {
        name: `imports: peak RSS, PGlite, ${label(big)} lines`,
        value: pglite.get(big)!.maxRssMb,
        unit: 'MB',
        target: 1000,
      },
      {
        name: `imports: peak RSS growth ${label(small)} → ${label(big)} lines, PGlite`,
        value: growth(pglite),
        unit: '%',
        target: 10,
      },
    ]
  } finally {
    await admin.end()
    server?.stop()
    fs.rmSync(dir, { recursive: true, force: true })
  }
}
