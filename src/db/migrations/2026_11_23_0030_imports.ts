import type { Kysely } from 'kysely'
import { runStatements } from './run-statements.js'

// What an import job reports besides its row counts: products it created, rows that named a
// merged customer, and how the file's columns were read (for the import page and the API).
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `ALTER TABLE import_jobs
       ADD COLUMN products_created bigint NOT NULL DEFAULT 0,
       ADD COLUMN rows_aliased bigint NOT NULL DEFAULT 0,
       ADD COLUMN mapping jsonb NOT NULL DEFAULT '{}',
       ADD COLUMN ignored_columns text[] NOT NULL DEFAULT '{}'`,
  )
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `ALTER TABLE import_jobs DROP COLUMN products_created, DROP COLUMN rows_aliased, DROP COLUMN mapping,
       DROP COLUMN ignored_columns`,
  )
}
