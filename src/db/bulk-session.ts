import type { Kysely, Transaction } from 'kysely'
import type { DB } from './database.js'
import { openPgliteBulkSession } from './dialects/pglite-bulk.js'
import { openPostgresBulkSession } from './dialects/postgres-bulk.js'
import type { DatabaseKind, RawDriver } from './open-database.js'

/**
 * One database session for bulk work (imports, exports): temporary tables made through `db` stay
 * visible to it, `copyIn` streams rows with COPY, and `transaction` runs a block atomically on
 * the same session. PostgreSQL reserves one pooled connection for it; the embedded database has a
 * single session anyway, and a transaction there holds it exclusively.
 */
export interface BulkSession {
  readonly kind: DatabaseKind
  /** Kysely bound to this session (outside `transaction`, statements run one by one, autocommit). */
  readonly db: Kysely<DB>
  /**
   * `COPY <target> FROM ...` fed from `chunks`, each holding whole records in the format that
   * `options` describes (e.g. `FORMAT csv, DELIMITER ','`). Memory stays at one chunk.
   */
  copyIn(target: string, options: string, chunks: AsyncIterable<Buffer>): Promise<void>
  /** `COPY (<query>) TO STDOUT` as a stream of chunks (PostgreSQL only; undefined on PGlite). */
  copyOut?: (query: string, options: string) => AsyncIterable<Buffer>
  transaction<T>(fn: (trx: Transaction<DB>) => Promise<T>): Promise<T>
  release(): Promise<void>
}

export async function openBulkSession(db: Kysely<DB>, raw: RawDriver): Promise<BulkSession> {
  return raw.kind === 'postgres' ? openPostgresBulkSession(raw.pool) : openPgliteBulkSession(db, raw.pglite)
}

/** What bulk work needs: the Kysely handle and the driver under it. */
export interface BulkDatabase {
  db: Kysely<DB>
  raw: RawDriver
}

/** Runs `fn` on a bulk session and always gives the session back. */
export async function withBulkSession<T>(
  database: BulkDatabase,
  fn: (session: BulkSession) => Promise<T>,
): Promise<T> {
  const session = await openBulkSession(database.db, database.raw)
  try {
    return await fn(session)
  } finally {
    await session.release()
  }
}
