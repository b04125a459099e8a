import fs from 'node:fs'
import path from 'node:path'
import pg from 'pg'
import type { TestProject } from 'vitest/node'
import { openPgliteDatabase } from '../src/db/dialects/pglite.js'
import { openPostgresDatabase } from '../src/db/dialects/postgres.js'
import { migrateToLatest } from '../src/db/migrate.js'
import { startTestPostgres } from './postgres-server.js'
import { pgliteTemplateDir, TEMPLATE_DB, TEST_TMP, testDbKinds } from './test-env.js'

declare module 'vitest' {
  export interface ProvidedContext {
    postgresAdminUrl: string | null
    runDir: string
  }
}

/**
 * Once per run: a migrated PGlite data folder and a migrated PostgreSQL template database. Each
 * test file then clones one (a folder copy or CREATE DATABASE ... TEMPLATE) in well under a second
 * instead of running initdb and the migrations again.
 */
export default async function setup(project: TestProject) {
  fs.mkdirSync(TEST_TMP, { recursive: true })
  const runDir = fs.mkdtempSync(path.join(TEST_TMP, 'run-'))
  project.provide('runDir', runDir)
  const kinds = testDbKinds()

  const pglite = await openPgliteDatabase(pgliteTemplateDir(runDir))
  await migrateToLatest(pglite.db)
  await pglite.close()

  let stopPostgres = () => {}
  project.provide('postgresAdminUrl', null)
  if (kinds.includes('postgres')) {
    const server = await startTestPostgres()
    stopPostgres = server.stop
    const admin = new pg.Client({ connectionString: server.url('postgres') })
    await admin.connect()
    await admin.query(`CREATE DATABASE ${TEMPLATE_DB}`)
    await admin.end()
    const template = openPostgresDatabase(server.url(TEMPLATE_DB), { max: 1 })
    await migrateToLatest(template.db)
    await template.close()
    project.provide('postgresAdminUrl', server.url('postgres'))
  }

  return () => {
    stopPostgres()
    fs.rmSync(runDir, { recursive: true, force: true })
  }
}
