import { sql, type Transaction } from 'kysely'
import type { DB } from '../../db/database.js'
import { isUuid } from '../../db/ids.js'
import { recordNameWords } from '../customers/index.js'
import { bulkIdSql } from './bulk-ids.js'
import { type Stage, validRow } from './stage-table.js'
import { emailsValue, languageValue, phonesValue, timestampValue } from './stage-values.js'
import type { WriteCounts } from './write-purchases.js'

const run = async (trx: Transaction<DB>, query: string) => {
  const result = await sql.raw<{ n: number }>(query).execute(trx)
  return result.rows[0]?.n ?? Number(result.numAffectedRows ?? 0)
}

/**
 * Writes the valid staged customers inside the caller's transaction: an UPDATE of existing
 * customers whose values differ, then an INSERT of the new ones in external id order (see
 * writePurchases for why not one upsert, and why in that order). The columns the file has are the truth (an empty cell clears an optional value;
 * an empty name keeps the current one); columns it lacks keep their values. A row naming a merged
 * customer's old external id is left alone: the merge already decided what the survivor holds.
 */
export async function writeCustomers(
  trx: Transaction<DB>,
  stage: Stage,
  workspaceId: string,
): Promise<WriteCounts> {
  if (!isUuid(workspaceId)) throw new Error(`not a workspace id: ${workspaceId}`)
  const ws = workspaceId
  const valid = validRow(stage)
  const has = (c: string) => stage.provided.has(c)
  const given = `coalesce(s.name, nullif(btrim(concat_ws(' ', s.first_name, s.last_name)), ''))`
  const firstEmail = has('email') ? `nullif(lower(btrim(split_part(s.email, ';', 1))), '')` : 'NULL'
  const values = [
    { column: 'emails', value: emailsValue('s.email'), provided: has('email') },
    { column: 'phones', value: phonesValue('s.phone'), provided: has('phone') },
    { column: 'country', value: 'upper(s.country)', provided: has('country') },
    { column: 'language', value: languageValue('s.language'), provided: has('language') },
    { column: 'timezone', value: 's.timezone', provided: has('timezone') },
  ].filter((v) => v.provided)
  const updates = [
    ...(has('name') || has('first_name') || has('last_name')
      ? [{ column: 'name', value: `coalesce(${given}, ex.name)` }]
      : []),
    ...values,
    ...(has('created_at')
      ? [{ column: 'created_at', value: `coalesce(${timestampValue('s.created_at')}, ex.created_at)` }]
      : []),
  ]
  const updated = updates.length
    ? await run(
        trx,
        `UPDATE customers c SET ${updates.map((u) => `${u.column} = v.${u.column}`).join(', ')}, updated_at = now()
         FROM (SELECT ex.id, ${updates.map((u) => `${u.value} AS ${u.column}`).join(', ')}
               FROM ${stage.rows} s JOIN customers ex ON ex.workspace_id = '${ws}' AND ex.external_id = s.external_id
               WHERE ${valid}) v
         WHERE c.workspace_id = '${ws}' AND c.id = v.id
           AND (${updates.map((u) => `c.${u.column}`).join(', ')}) IS DISTINCT FROM (${updates.map((u) => `v.${u.column}`).join(', ')})`,
      )
    : 0
  const absent = `NOT EXISTS (SELECT 1 FROM customers c WHERE c.workspace_id = '${ws}' AND c.external_id = s.external_id)`
  const merged = `EXISTS (SELECT 1 FROM customer_merges m WHERE m.workspace_id = '${ws}' AND m.merged_external_id = s.external_id)`
  const aliased = await run(
    trx,
    `SELECT count(*)::int AS n FROM ${stage.rows} s WHERE ${valid} AND ${absent} AND ${merged}`,
  )
  const inserts = [
    // A new customer without a name is named after its email, or its id.
    { column: 'name', value: `coalesce(${given}, ${firstEmail}, s.external_id)` },
    ...values,
    { column: 'created_at', value: `coalesce(${timestampValue('s.created_at')}, now())` },
  ]
  const inserted = await run(
    trx,
    `INSERT INTO customers (workspace_id, id, external_id, ${inserts.map((i) => i.column).join(', ')})
     SELECT '${ws}', ${bulkIdSql('row_number() OVER (ORDER BY s.external_id)')}, s.external_id,
       ${inserts.map((i) => i.value).join(', ')}
     FROM ${stage.rows} s WHERE ${valid} AND ${absent} AND NOT ${merged}
     ORDER BY s.external_id`,
  )
  if (has('name') || has('first_name') || has('last_name')) {
    await recordNameWords(trx, ws, sql.raw(`SELECT ${given} AS name FROM ${stage.rows} s WHERE ${valid}`))
  }
  return { inserted, updated, customersCreated: 0, productsCreated: 0, aliased, touched: [] }
}
