import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import pg from 'pg'
import { inject } from 'vitest'
import { openPgliteDatabase } from '../src/db/dialects/pglite.js'
import { openPostgresDatabase } from '../src/db/dialects/postgres.js'
import type { Database, DatabaseKind } from '../src/db/open-database.js'
import { pgliteTemplateDir, TEMPLATE_DB } from './test-env.js'

/** A fresh, migrated database of the given kind, cloned from the run's template; dropped on close. */
export async function openTestDatabase(
  kind: DatabaseKind,
): Promise<Database & { dataDir?: string; url?: string }> {
  const suffix = randomBytes(6).toString('hex')
  if (kind === 'pglite') {
    const runDir = inject('runDir')
    const dataDir = path.join(runDir, `pglite-${suffix}`)
    fs.cpSync(pgliteTemplateDir(runDir), dataDir, { recursive: true })
    const { db, pglite, close } = await openPgliteDatabase(dataDir)
    return {
      db,
      kind,
      raw: { kind: 'pglite', pglite },
      dataDir,
      close: async () => {
        await close()
        fs.rmSync(dataDir, { recursive: true, force: true })
      },
    }
  }
  const adminUrl = inject('postgresAdminUrl')
  if (!adminUrl)
    throw new Error('the PostgreSQL test server is not running (CENTRIC_TEST_DBS excludes postgres?)')
  const name = `t_${suffix}`
  const admin = new pg.Client({ connectionString: adminUrl })
  await admin.connect()
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DB}`)
  } finally {
    await admin.end()
  }
  const url = adminUrl.replace(/\/postgres$/, `/${name}`)
  const { db, pool, close } = openPostgresDatabase(url)
  return {
    db,
    kind,
    raw: { kind: 'postgres', pool },
    url,
    close: async () => {
      await close()
      const drop = new pg.Client({ connectionString: adminUrl })
      await drop.connect()
      await drop.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await drop.end()
    },
  }
}
