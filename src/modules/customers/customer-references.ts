import { sql } from 'kysely'
import type { Executor } from '../../db/database.js'

export interface CustomerReference {
  schema: string
  table: string
  column: string
  /** The column holding the workspace id in that table (null if a key does not include it). */
  scope: string | null
}

/**
 * Every column that points at a customer's id, read from the catalog: the columns of foreign
 * keys to customers (whatever their name: organisation_id, survivor_id, …), and every uuid
 * column named customer_id in a workspace table (tables that keep the id without a key).
 * Reading it on each merge covers a module's new table the day it lands, without editing merge
 * code. Only top-level tables: a partitioned table's partitions move through their parent.
 */
export async function findCustomerReferences(db: Executor): Promise<CustomerReference[]> {
  const { rows } = await sql<CustomerReference>`
    SELECT n.nspname AS schema, t.relname AS table, a.attname AS column,
      (SELECT la.attname FROM unnest(k.conkey, k.confkey) AS w(local, remote)
        JOIN pg_attribute la ON la.attrelid = k.conrelid AND la.attnum = w.local
        JOIN pg_attribute ra ON ra.attrelid = k.confrelid AND ra.attnum = w.remote
        WHERE ra.attname = 'workspace_id') AS scope
    FROM pg_constraint k
    JOIN pg_class t ON t.oid = k.conrelid
    JOIN pg_namespace n ON n.oid = t.relnamespace
    CROSS JOIN LATERAL unnest(k.conkey, k.confkey) AS m(local, remote)
    JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = m.local
    JOIN pg_attribute r ON r.attrelid = k.confrelid AND r.attnum = m.remote
    WHERE k.contype = 'f' AND k.confrelid = 'customers'::regclass AND k.conparentid = 0 AND r.attname = 'id'
    UNION
    SELECT n.nspname, t.relname, a.attname, 'workspace_id'
    FROM pg_class t
    JOIN pg_namespace n ON n.oid = t.relnamespace
    JOIN pg_attribute a ON a.attrelid = t.oid
    WHERE n.nspname = 'public' AND t.relkind IN ('r', 'p') AND NOT t.relispartition
      AND a.attname = 'customer_id' AND a.atttypid = 'uuid'::regtype AND NOT a.attisdropped
      AND EXISTS (SELECT 1 FROM pg_attribute w WHERE w.attrelid = t.oid AND w.attname = 'workspace_id' AND NOT w.attisdropped)
    ORDER BY 1, 2, 3
  `.execute(db)
  return rows
}

/** `table` for the usual customer_id, `table.column` otherwise: the keys of a merge's moved counts. */
export const referenceKey = (ref: CustomerReference): string =>
  `${ref.schema === 'public' ? '' : `${ref.schema}.`}${ref.table}${ref.column === 'customer_id' ? '' : `.${ref.column}`}`
