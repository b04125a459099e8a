import { type Kysely, type MigrationResultSet, Migrator } from 'kysely'
import type { DB } from './database.js'
import { migrations } from './migrations/index.js'

/** Brings the schema up to date; safe to run on every start (the migrator takes a lock). */
export async function migrateToLatest(db: Kysely<DB>): Promise<MigrationResultSet> {
  const migrator = new Migrator({
    db: db as unknown as Kysely<unknown>,
    provider: { getMigrations: async () => migrations },
  })
  const result = await migrator.migrateToLatest()
  if (result.error) throw result.error
  return result
}
