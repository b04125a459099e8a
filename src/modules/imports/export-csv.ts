import { sql } from 'kysely'
import { type BulkDatabase, openBulkSession } from '../../db/bulk-session.js'
import { isUuid } from '../../db/ids.js'
import { canonicalColumns, type ImportKind } from './import-columns.js'

/** Rows per page when the embedded database is read page by page. */
const PAGE_ROWS = 5000

/** UTC ISO 8601 with the fraction only when there is one: what the import reads back exactly. */
const iso = (col: string) =>
  `to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS') ||
   CASE WHEN to_char(${col}, 'US') = '000000' THEN '' ELSE '.' || rtrim(to_char(${col}, 'US'), '0') END || 'Z'`

/** The canonical columns of every row in id (creation) order; a page continues after an id. */
function exportQuery(kind: ImportKind, ws: string, page?: { after: string | null }): string {
  const from =
    kind === 'customers'
      ? `SELECT c.id, c.external_id, c.name, array_to_string(c.emails, ';') AS email,
           array_to_string(c.phones, ';') AS phone, c.country, c.language, c.timezone, ${iso('c.created_at')} AS created_at
         FROM customers c WHERE c.workspace_id = '${ws}'`
      : `SELECT p.id, p.external_id, c.external_id AS customer_external_id, ${iso('p.occurred_at')} AS occurred_at,
           p.amount::text AS amount, p.cost::text AS cost, w.currency, pr.sku AS product_sku,
           p.quantity::text AS quantity, p.channel, p.status
         FROM purchases p
         JOIN customers c ON c.workspace_id = p.workspace_id AND c.id = p.customer_id
         JOIN workspaces w ON w.id = p.workspace_id
         LEFT JOIN products pr ON pr.workspace_id = p.workspace_id AND pr.id = p.product_id
         WHERE p.workspace_id = '${ws}'`
  const alias = kind === 'customers' ? 'c' : 'p'
  const keyset = page?.after ? ` AND ${alias}.id > '${page.after}'` : ''
  const select = canonicalColumns(kind).join(', ')
  return page
    ? `SELECT ${select}, id FROM (${from}${keyset} ORDER BY ${alias}.id LIMIT ${PAGE_ROWS}) x`
    : `SELECT ${select} FROM (${from} ORDER BY ${alias}.id) x`
}

const csvField = (v: unknown): string => {
  if (v === null || v === undefined) return ''
  const text = String(v)
  return /^\s|\s$|[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

/**
 * The workspace's customers or purchases as CSV with a header of canonical columns, streamed:
 * PostgreSQL sends it with COPY TO, the embedded database is read in keyset pages. Importing the
 * output again changes nothing.
 */
export async function* exportCsv(
  database: BulkDatabase,
  workspaceId: string,
  kind: ImportKind,
): AsyncIterable<Buffer> {
  if (!isUuid(workspaceId)) throw new Error(`not a workspace id: ${workspaceId}`)
  const columns = canonicalColumns(kind)
  const session = await openBulkSession(database.db, database.raw)
  try {
    if (session.copyOut) {
      yield* session.copyOut(exportQuery(kind, workspaceId), 'FORMAT csv, HEADER')
      return
    }
    yield Buffer.from(`${columns.join(',')}\n`)
    let after: string | null = null
    for (;;) {
      const { rows } = await sql
        .raw<Record<string, unknown>>(exportQuery(kind, workspaceId, { after }))
        .execute(session.db)
      if (rows.length === 0) return
      yield Buffer.from(rows.map((r) => `${columns.map((c) => csvField(r[c])).join(',')}\n`).join(''))
      after = String(rows[rows.length - 1]!.id)
      if (rows.length < PAGE_ROWS) return
    }
  } finally {
    await session.release()
  }
}
