import type { Kysely } from 'kysely'
import type PgBoss from 'pg-boss'
import type { DB } from '../../db/database.js'
import type { RawDriver } from '../../db/open-database.js'

/**
 * The connection pg-boss runs its SQL on: ours, not a pool of its own.
 *
 * PostgreSQL: the application's pool (pg-boss sends several statements in one string without
 * parameters; node-postgres takes those through the simple protocol).
 *
 * PGlite: one session serves the whole process, and Kysely serialises access to it. pg-boss must
 * queue behind the same lock, or its statements would land inside an application transaction that
 * happens to be open. Holding a Kysely connection while calling the driver does exactly that.
 * PGlite's query() takes one statement, so parameterless (possibly multi-statement) scripts go
 * through exec(), which answers one result per statement: pg-boss reads the last.
 */
export function pgBossDatabase(db: Kysely<DB>, raw: RawDriver): PgBoss.Db {
  if (raw.kind === 'postgres') {
    const pool = raw.pool
    return { executeSql: (text, values) => pool.query(text, values) }
  }
  const pglite = raw.pglite
  return {
    executeSql: (text, values) =>
      db.connection().execute(async () => {
        if (values && values.length > 0) return pglite.query(text, values)
        const results = await pglite.exec(text)
        return results.at(-1) ?? { rows: [] }
      }),
  }
}
