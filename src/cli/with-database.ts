import { loadConfig } from '../config.js'
import { migrateToLatest } from '../db/migrate.js'
import { type Database, openDatabase } from '../db/open-database.js'

/** Opens the configured database (migrated), runs `fn`, and always closes it. */
export async function withDatabase<T>(fn: (database: Database) => Promise<T>): Promise<T> {
  const database = await openDatabase(loadConfig())
  try {
    await migrateToLatest(database.db)
    return await fn(database)
  } finally {
    await database.close()
  }
}
