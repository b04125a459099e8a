import type { PGlite } from '@electric-sql/pglite'
import type { Kysely } from 'kysely'
import type pg from 'pg'
import type { Config } from '../config.js'
import type { DB } from './database.js'
import { openPgliteDatabase } from './dialects/pglite.js'
import { openPostgresDatabase } from './dialects/postgres.js'

export type DatabaseKind = 'pglite' | 'postgres'

/** The driver under Kysely, for what Kysely cannot do (COPY for bulk loads). */
export type RawDriver = { kind: 'pglite'; pglite: PGlite } | { kind: 'postgres'; pool: pg.Pool }

export interface Database {
  db: Kysely<DB>
  kind: DatabaseKind
  raw: RawDriver
  close: () => Promise<void>
}

/** PostgreSQL when DATABASE_URL is set, otherwise the embedded database in the data folder. */
export async function openDatabase(config: Pick<Config, 'databaseUrl' | 'dataDir'>): Promise<Database> {
  if (config.databaseUrl) {
    const { db, pool, close } = openPostgresDatabase(config.databaseUrl)
    return { db, kind: 'postgres', raw: { kind: 'postgres', pool }, close }
  }
  const { db, pglite, close } = await openPgliteDatabase(config.dataDir)
  return { db, kind: 'pglite', raw: { kind: 'pglite', pglite }, close }
}
