import { type Kysely, sql } from 'kysely'
import type { DB } from '../../db/database.js'
import { rowChecks } from './row-checks.js'
import type { Stage } from './stage-table.js'

export interface ValidationContext {
  workspaceId: string
  currency: string
  unknownCustomers: 'create' | 'fail'
}

/** Duplicate lines named in a reason; a file with thousands of copies gets the first few. */
const LINES_NAMED = 5

/**
 * Fills the stage's error table, set-based: one pass computes a bit mask of broken rules per row
 * (only rows with a set bit are expanded into line/column/reason rows), then one query each for
 * duplicate external ids in the file and, if asked, unknown customers. Returns the number of
 * invalid rows.
 */
export async function validateStage(db: Kysely<DB>, stage: Stage, ctx: ValidationContext): Promise<number> {
  // Temporary tables get no statistics unless asked; the joins below and the write plan better with them.
  await sql.raw(`ANALYZE ${stage.rows}`).execute(db)
  await checkRows(db, stage, ctx)
  await checkDuplicates(db, stage)
  if (stage.kind === 'purchases' && ctx.unknownCustomers === 'fail') await checkCustomersExist(db, stage, ctx)
  const { rows } = await sql<{
    n: number
  }>`SELECT count(DISTINCT line)::int AS n FROM ${sql.table(stage.errors)}`.execute(db)
  return rows[0]?.n ?? 0
}

async function checkRows(db: Kysely<DB>, stage: Stage, ctx: ValidationContext): Promise<void> {
  // A column the file lacks is NULL everywhere: only its "required" rule can fail.
  const checks = rowChecks(stage.kind, ctx).filter((c) => stage.provided.has(c.column) || c.required)
  const mask = [
    '(CASE WHEN s.problem IS NOT NULL THEN 1 ELSE 0 END)',
    ...checks.map((c, i) => `(CASE WHEN ${c.bad} THEN ${2 ** (i + 1)} ELSE 0 END)`),
  ].join(' | ')
  const literal = (text: string) => `'${text.replaceAll("'", "''")}'`
  const values = [
    `(1, '*', NULL::text, b.problem)`,
    ...checks.map(
      (c, i) => `(${2 ** (i + 1)}, '${c.column}', b.${c.column}, ${c.reasonSql ?? literal(c.reason)})`,
    ),
  ].join(', ')
  // OFFSET 0 keeps the mask a computed column: inlined, it would be evaluated once per reference.
  await sql
    .raw(
      `INSERT INTO ${stage.errors} (line, "column", value, reason)
       SELECT b.line, c.col, c.value, c.reason
       FROM (SELECT s.*, ${mask} AS mask FROM ${stage.rows} s OFFSET 0) b
       CROSS JOIN LATERAL (VALUES ${values}) AS c(bit, col, value, reason)
       WHERE b.mask <> 0 AND b.mask & c.bit <> 0 AND (c.bit = 1 OR b.mask & 1 = 0)`,
    )
    .execute(db)
}

async function checkDuplicates(db: Kysely<DB>, stage: Stage): Promise<void> {
  // Counting first keeps the aggregate's state tiny; only the duplicated ids gather their lines.
  await sql
    .raw(
      `WITH dup AS (
         SELECT external_id FROM ${stage.rows} WHERE external_id IS NOT NULL
         GROUP BY external_id HAVING count(*) > 1
       ), lines AS (
         SELECT r.external_id, array_agg(r.line ORDER BY r.line) AS lines
         FROM ${stage.rows} r JOIN dup USING (external_id) GROUP BY r.external_id
       )
       INSERT INTO ${stage.errors} (line, "column", value, reason)
       SELECT l.line, 'external_id', d.external_id,
         'appears ' || cardinality(d.lines) || ' times (${stage.unit === 'line' ? 'lines' : 'rows'} ' || array_to_string(d.lines[1:${LINES_NAMED}], ', ')
           || CASE WHEN cardinality(d.lines) > ${LINES_NAMED} THEN ', ...' ELSE '' END
           || '): an external_id may appear once per import'
       FROM lines d CROSS JOIN LATERAL unnest(d.lines) AS l(line)`,
    )
    .execute(db)
}

async function checkCustomersExist(db: Kysely<DB>, stage: Stage, ctx: ValidationContext): Promise<void> {
  await sql`
    INSERT INTO ${sql.table(stage.errors)} (line, "column", value, reason)
    SELECT s.line, 'customer_external_id', s.customer_external_id,
      'names no customer (import the customers first, or let the import create them)'
    FROM ${sql.table(stage.rows)} s
    WHERE s.customer_external_id IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM customers c
        WHERE c.workspace_id = ${ctx.workspaceId} AND c.external_id = s.customer_external_id)
      AND NOT EXISTS (SELECT 1 FROM customer_merges m
        WHERE m.workspace_id = ${ctx.workspaceId} AND m.merged_external_id = s.customer_external_id)
  `.execute(db)
}
