// One import run in its own process, so its peak RSS is the import's alone: a fresh database
// (an embedded one in a folder, or a PostgreSQL database by URL), a workspace, the customers
// file, then the purchases file. Prints one JSON line with the timings and the peak RSS.
import { openPgliteDatabase } from '../src/db/dialects/pglite.js'
import { openPostgresDatabase } from '../src/db/dialects/postgres.js'
import { migrateToLatest } from '../src/db/migrate.js'
import type { RawDriver } from '../src/db/open-database.js'
import { importFile } from '../src/modules/imports/index.js'
import { createWorkspace, systemActor } from '../src/modules/platform/index.js'

const [kind, target, customersFile, purchasesFile] = process.argv.slice(2) as [string, string, string, string]
const opened =
  kind === 'pglite'
    ? await openPgliteDatabase(target).then((h) => ({
        ...h,
        raw: { kind: 'pglite', pglite: h.pglite } as RawDriver,
      }))
    : (() => {
        const h = openPostgresDatabase(target)
        return { ...h, raw: { kind: 'postgres', pool: h.pool } as RawDriver }
      })()
const database = { db: opened.db, raw: opened.raw }
await migrateToLatest(opened.db)
const ws = await createWorkspace(opened.db, { slug: 'bench', name: 'Bench' })
const actor = systemActor(ws.id)
let t0 = performance.now()
const customers = await importFile(database, actor, { kind: 'customers', path: customersFile })
const customersMs = performance.now() - t0
const phases: Record<string, number> = {}
const cpu0 = process.cpuUsage()
t0 = performance.now()
const purchases = await importFile(database, actor, {
  kind: 'purchases',
  path: purchasesFile,
  onProgress: (p) => {
    phases[p.phase] ??= Math.round(performance.now() - t0)
  },
})
const purchasesMs = performance.now() - t0
const cpu = process.cpuUsage(cpu0)
await opened.close()
const { errors: _e, ...counts } = purchases
console.log(
  JSON.stringify({
    customersMs,
    customersInserted: customers.inserted,
    purchasesMs,
    // CPU time of this process: all of the work on the embedded database, the client side on PostgreSQL.
    purchasesCpuMs: (cpu.user + cpu.system) / 1000,
    phases,
    counts,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
  }),
)
