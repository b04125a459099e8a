import { Kysely, PostgresDialect } from 'kysely'
import pg from 'pg'
import type { DB } from '../database.js'
import { typeParsers } from '../type-parsers.js'

for (const [oid, parse] of Object.entries(typeParsers)) pg.types.setTypeParser(Number(oid), parse)

export interface PostgresHandle {
  db: Kysely<DB>
  pool: pg.Pool
  close: () => Promise<void>
}

export function openPostgresDatabase(connectionString: string, opts: { max?: number } = {}): PostgresHandle {
  const pool = new pg.Pool({ connectionString, max: opts.max ?? 10, options: '-c TimeZone=UTC' })
  // An idle client that loses its server must not crash the process; the next query reports it.
  pool.on('error', () => {})
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) })
  return { db, pool, close: () => db.destroy() }
}
