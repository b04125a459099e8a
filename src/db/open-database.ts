import type { Kysely } from 'kysely'
import type { Config } from '../config.js'
import type { DB } from './database.js'
import { openPgliteDatabase } from './dialects/pglite.js'
import { openPostgresDatabase } from './dialects/postgres.js'

export type DatabaseKind = 'pglite' | 'postgres'

export interface Database {
  db: Kysely<DB>
  kind: DatabaseKind
  close: () => Promise<void>
}

/** PostgreSQL when DATABASE_URL is set, otherwise the embedded database in the data folder. */
export async function openDatabase(config: Pick<Config, 'databaseUrl' | 'dataDir'>): Promise<Database> {
  if (config.databaseUrl) {
    const { db, close } = openPostgresDatabase(config.databaseUrl)
    return { db, kind: 'postgres', close }
  }
  const { db, close } = await openPgliteDatabase(config.dataDir)
  return { db, kind: 'pglite', close }
}
