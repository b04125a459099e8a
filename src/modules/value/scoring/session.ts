import type { Kysely, Transaction } from 'kysely'
import type { DB, Executor } from '../../../db/database.js'

/** Temporary tables belong to a session: pin one connection (a transaction already is one). */
export function withSession<T>(db: Executor, fn: (session: Kysely<DB>) => Promise<T>): Promise<T> {
  return db.isTransaction ? fn(db) : db.connection().execute(fn)
}

/** A transaction on the session, or the caller's transaction when it already is one. */
export function atomically<T>(db: Kysely<DB>, fn: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  return db.isTransaction ? fn(db as Transaction<DB>) : db.transaction().execute(fn)
}
