import { type Kysely, sql, type Transaction } from 'kysely'
import type { DB, Executor } from '../../../db/database.js'

/**
 * Sorts and hashes over every customer (the summary, the RFM and tier windows) stay in memory
 * instead of temporary files. JIT compilation is off: the scoring statements are priced far
 * above jit_above_cost, and compiling the insert of the scores alone took 484 ms at 100,000
 * customers. Both are set on the value run's own session only, and reset before the connection
 * goes back to the pool.
 */
const WORK_MEM = '256MB'

/**
 * Runs `fn` on one session: temporary tables belong to a session, so one connection is pinned
 * (a transaction already is one).
 */
export async function withSession<T>(db: Executor, fn: (session: Kysely<DB>) => Promise<T>): Promise<T> {
  if (db.isTransaction) {
    await sql`SELECT set_config('work_mem', ${WORK_MEM}, true), set_config('jit', 'off', true)`.execute(db)
    return fn(db)
  }
  return db.connection().execute(async (session) => {
    await sql`SELECT set_config('work_mem', ${WORK_MEM}, false), set_config('jit', 'off', false)`.execute(
      session,
    )
    try {
      return await fn(session)
    } finally {
      await sql`RESET work_mem`.execute(session).catch(() => {})
      await sql`RESET jit`.execute(session).catch(() => {})
    }
  })
}

/** A transaction on the session, or the caller's transaction when it already is one. */
export function atomically<T>(db: Kysely<DB>, fn: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  return db.isTransaction ? fn(db as Transaction<DB>) : db.transaction().execute(fn)
}
