import type { Kysely, Transaction } from 'kysely'
import type { DB, Executor } from '../../db/database.js'

/** Runs `fn` in the caller's transaction if there is one, otherwise in a new one. */
export function withTransaction<T>(db: Executor, fn: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  return db.isTransaction ? fn(db as Transaction<DB>) : (db as Kysely<DB>).transaction().execute(fn)
}
