import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { FastifyInstance } from 'fastify'
import type { Config } from '../config.js'
import { migrateToLatest } from '../db/migrate.js'
import { type Database, openDatabase } from '../db/open-database.js'
import { feedbackJobs } from '../modules/feedback/index.js'
import { JobRunner } from '../modules/jobs/index.js'
import { serviceJobs } from '../modules/service/index.js'
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
    // Background workers run in every server process; pg-boss coordinates them through the database.
    const jobs = new JobRunner({
      db: database.db,
      raw: database.raw,
      onError: (err) => app.log.error({ err }, 'background job failed'),
    })
    for (const job of serviceJobs) jobs.define(job)
    const origin = () =>
      config.publicUrl ??
      `http://localhost:${(app.server.address() as { port?: number } | null)?.port ?? config.port}`
    for (const job of feedbackJobs(database.db, { baseUrl: origin, smtpUrl: process.env.CENTRIC_SMTP_URL }))
      jobs.define(job)
    await jobs.start()
    const address = await app.listen({ port: config.port, host: config.host }).catch(async (err) => {
      await jobs.stop()
      throw err
    })
    const url = address.replace('[::1]', 'localhost').replace('127.0.0.1', 'localhost')
    return {
      app,
      database,
      url,
      stop: async () => {
        await jobs.stop()
        await app.close()
        await database.close()
      },
    }
  } catch (err) {
    await database.close()
    throw err
  }
}
