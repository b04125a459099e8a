import { type Selectable, sql } from 'kysely'
import type { DB, Executor } from './database.js'
import { isUuid } from './ids.js'

/** The workspace tables keyed by (workspace_id, id). */
export type OwnedTable = {
  [K in keyof DB]: DB[K] extends { workspace_id: string; id: unknown } ? K : never
}[keyof DB]

/**
 * The row with this id in this workspace, or undefined. A malformed id is just an id that does
 * not exist here: callers answer 404 for it as for another workspace's id.
 */
export async function findOwned<T extends OwnedTable>(
  db: Executor,
  table: T,
  workspaceId: string,
  id: string,
): Promise<Selectable<DB[T]> | undefined> {
  if (!isUuid(id)) return undefined
  // Kysely cannot type a table chosen at run time; the signature carries the row type.
  const { rows } = await sql<Selectable<DB[T]>>`
    SELECT * FROM ${sql.table(table)} WHERE workspace_id = ${workspaceId} AND id = ${id}`.execute(db)
  return rows[0]
}
