import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { FastifyInstance } from 'fastify'
import type { Config } from '../config.js'
import { migrateToLatest } from '../db/migrate.js'
import { type Database, openDatabase } from '../db/open-database.js'
import { buildApp } from './app.js'

export const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist')

export interface RunningServer {
  app: FastifyInstance
  database: Database
  url: string
  stop: () => Promise<void>
}

/** Opens the database, migrates it, and listens. `beforeListen` runs with the migrated database (demo seeding). */
export async function startServer(
  config: Config,
  beforeListen?: (database: Database) => Promise<void>,
): Promise<RunningServer> {
  const database = await openDatabase(config)
  try {
    await migrateToLatest(database.db)
    await beforeListen?.(database)
    const app = await buildApp({
      db: database.db,
      dbKind: database.kind,
      raw: database.raw,
      webDir: WEB_DIST,
      logger: { level: config.logLevel },
      secureCookies: config.publicUrl?.startsWith('https:') ?? false,
    })
    const address = await app.listen({ port: config.port, host: config.host })
    const url = address.replace('[::1]', 'localhost').replace('127.0.0.1', 'localhost')
    return {
      app,
      database,
      url,
      stop: async () => {
        await app.close()
        await database.close()
      },
    }
  } catch (err) {
    await database.close()
    throw err
  }
}
