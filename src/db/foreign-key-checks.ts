import { sql } from 'kysely'
import type { Executor } from './database.js'

/**
 * Whether this session's role may set session_replication_role (a superuser, or granted SET on
 * it): `replica` then skips the per-row foreign-key triggers of a bulk write. PGlite's single
 * user always may.
 */
export async function maySkipForeignKeyChecks(db: Executor): Promise<boolean> {
  const { rows } = await sql<{ ok: boolean }>`
    SELECT has_parameter_privilege('session_replication_role', 'SET') AS ok`.execute(db)
  return rows[0]?.ok === true
}
