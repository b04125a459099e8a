import { randomBytes } from 'node:crypto'
import { sql } from 'kysely'
import type { BulkSession } from '../../db/bulk-session.js'
import { columnNames, type ImportKind } from './import-columns.js'

/**
 * The staging tables of one import: `rows` holds the file as text (one row per record, with its
 * line number, every canonical column, and a `problem` when the record could not be split), and
 * `errors` collects what validation finds. Temporary tables: never logged, invisible to other
 * sessions, gone with the session at the latest.
 */
export interface Stage {
  kind: ImportKind
  rows: string
  errors: string
  /** Canonical columns that the file (or batch) provides; the others stay NULL and are not written. */
  provided: ReadonlySet<string>
  /** What `line` counts: lines of a file, or 0-based row indexes of a batch. */
  unit: 'line' | 'index'
}

export async function createStage(
  session: BulkSession,
  kind: ImportKind,
  provided: Iterable<string>,
  unit: Stage['unit'] = 'line',
): Promise<Stage> {
  const suffix = randomBytes(6).toString('hex')
  const stage: Stage = {
    kind,
    rows: `import_rows_${suffix}`,
    errors: `import_errors_${suffix}`,
    provided: new Set(provided),
    unit,
  }
  const columns = columnNames(kind)
    .map((c) => `${c} text`)
    .join(', ')
  await sql
    .raw(`CREATE TEMP TABLE ${stage.rows} (line bigint NOT NULL, problem text, ${columns})`)
    .execute(session.db)
  await sql
    .raw(
      `CREATE TEMP TABLE ${stage.errors} (line bigint NOT NULL, "column" text NOT NULL, value text, reason text NOT NULL)`,
    )
    .execute(session.db)
  return stage
}

/** Cleanup after success or failure; a failure here must not hide the error that ended the import. */
export async function dropStage(session: BulkSession, stage: Stage): Promise<void> {
  await sql
    .raw(`DROP TABLE IF EXISTS ${stage.rows}, ${stage.errors}`)
    .execute(session.db)
    .catch(() => {})
}

/** SQL condition: the staged row `s` passed validation. */
export const validRow = (stage: Stage) => `NOT EXISTS (SELECT 1 FROM ${stage.errors} e WHERE e.line = s.line)`
