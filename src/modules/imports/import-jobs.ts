import { sql } from 'kysely'
import { z } from 'zod'
import type { Executor, Row } from '../../db/database.js'
import { isUuid, newId } from '../../db/ids.js'
import { keysetAfter } from '../../db/keyset.js'
import { decodeCursor, type Page, type PageQuery, toPage } from '../../shared/pagination.js'
import type { Actor } from '../platform/index.js'
import { DELIMITERS } from './csv/read-csv-header.js'
import { IMPORT_KINDS } from './import-columns.js'
import { type RowError, RowErrorView } from './import-result.js'
import { ImportError } from './imports.errors.js'

/** Errors shown with a job; the CSV download has all that were kept. */
const ERRORS_SHOWN = 1000

export const ImportOptions = z.object({
  mapping: z
    .record(z.string().max(60), z.string().max(200))
    .optional()
    .describe('Canonical column → header in the file; "" turns a column off'),
  skipInvalid: z.boolean().default(false).describe('Write the valid rows and report the others'),
  unknownCustomers: z
    .enum(['create', 'fail'])
    .default('create')
    .describe('A purchase naming an unknown customer creates a minimal one, or is invalid'),
  delimiter: z.enum(DELIMITERS).optional().describe('Field separator; detected from the header when absent'),
  format: z.enum(['csv', 'cdnow']).default('csv').describe('cdnow: the CDNOW transaction log (purchases)'),
})
export type ImportOptions = z.infer<typeof ImportOptions>

export const ImportJobView = z.object({
  id: z.uuid(),
  kind: z.enum(IMPORT_KINDS),
  status: z.enum(['queued', 'running', 'succeeded', 'failed']),
  phase: z.string().nullable().describe('queued, reading, validating, writing, totals, done'),
  fileName: z.string(),
  fileBytes: z.number().int().nullable(),
  bytesRead: z.number().int(),
  rowsRead: z.number().int(),
  inserted: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  invalid: z.number().int(),
  customersCreated: z.number().int(),
  productsCreated: z.number().int(),
  aliased: z.number().int().describe('Rows naming a merged customer by its old external id'),
  mapping: z.record(z.string(), z.string()).describe('Canonical column → the header it was read from'),
  ignoredColumns: z.array(z.string()),
  options: z.record(z.string(), z.unknown()),
  message: z.string().nullable(),
  createdAt: z.date(),
  startedAt: z.date().nullable(),
  finishedAt: z.date().nullable(),
})
export type ImportJobView = z.infer<typeof ImportJobView>

export const ImportJobDetailView = ImportJobView.extend({
  errors: z.array(RowErrorView).describe(`The first ${ERRORS_SHOWN} row errors`),
})
export type ImportJobDetailView = z.infer<typeof ImportJobDetailView>

const toView = (r: Omit<Row<'import_jobs'>, 'errors'>): ImportJobView => ({
  id: r.id,
  kind: r.kind,
  status: r.status,
  phase: r.phase,
  fileName: r.file_name,
  fileBytes: r.file_bytes,
  bytesRead: r.bytes_read,
  rowsRead: r.rows_read,
  inserted: r.rows_inserted,
  updated: r.rows_updated,
  unchanged: r.rows_unchanged,
  invalid: r.rows_invalid,
  customersCreated: r.customers_created,
  productsCreated: r.products_created,
  aliased: r.rows_aliased,
  mapping: r.mapping,
  ignoredColumns: r.ignored_columns,
  options: r.options,
  message: r.message,
  createdAt: r.created_at,
  startedAt: r.started_at,
  finishedAt: r.finished_at,
})

export interface NewImportJob {
  kind: z.infer<typeof ImportJobView>['kind']
  fileName: string
  fileBytes: number | null
  options: ImportOptions
}

export async function createImportJob(db: Executor, actor: Actor, job: NewImportJob): Promise<ImportJobView> {
  const row = await db
    .insertInto('import_jobs')
    .values({
      workspace_id: actor.workspaceId,
      id: newId(),
      kind: job.kind,
      file_name: job.fileName.slice(0, 255),
      file_bytes: job.fileBytes,
      options: JSON.stringify(job.options),
      phase: 'queued',
      created_by: actor.userId,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
  return toView(row)
}

const notFound = (id: string) => new ImportError('IMPORT_NOT_FOUND', `import ${id} not found`)

function jobQuery(db: Executor, workspaceId: string) {
  return db.selectFrom('import_jobs').selectAll().where('workspace_id', '=', workspaceId)
}

export async function getImportJob(
  db: Executor,
  workspaceId: string,
  id: string,
): Promise<ImportJobDetailView> {
  if (!isUuid(id)) throw notFound(id)
  const row = await jobQuery(db, workspaceId)
    .where('id', '=', id)
    .select(
      sql<RowError[]>`jsonb_path_query_array(errors, ${`$[0 to ${ERRORS_SHOWN - 1}]`}::jsonpath)`.as('shown'),
    )
    .executeTakeFirst()
  if (!row) throw notFound(id)
  return { ...toView(row), errors: row.shown }
}

/** Newest first (ids are UUIDv7, so id order is time order). */
export async function listImportJobs(
  db: Executor,
  workspaceId: string,
  query: PageQuery,
): Promise<Page<ImportJobView>> {
  let qb = jobQuery(db, workspaceId)
  if (query.cursor) qb = qb.where(keysetAfter('id', 'id', 'desc', decodeCursor(query.cursor, 2)))
  const rows = await qb
    .orderBy('id', 'desc')
    .limit(query.limit + 1)
    .execute()
  return toPage(rows, query.limit, (r) => [r.id, r.id], toView)
}

const csvField = (v: string | number | null) => {
  const text = v === null ? '' : String(v)
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

/** The kept row errors of a job as CSV (line, column, value, reason). */
export async function importErrorsCsv(db: Executor, workspaceId: string, id: string): Promise<string> {
  if (!isUuid(id)) throw notFound(id)
  const row = await db
    .selectFrom('import_jobs')
    .select('errors')
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst()
  if (!row) throw notFound(id)
  const lines = (row.errors as RowError[]).map((e) =>
    [e.line, e.column, e.value, e.reason].map(csvField).join(','),
  )
  return `line,column,value,reason\n${lines.map((l) => `${l}\n`).join('')}`
}

/**
 * Marks the imports that were queued or running when the process stopped as failed. Only for the
 * embedded database: one process owns it, so a running job at start-up is an orphan; on
 * PostgreSQL another server may be running it. Spans all workspaces: it runs once at start-up.
 */
export async function failInterruptedImports(db: Executor): Promise<number> {
  const result = await db
    .updateTable('import_jobs')
    .set({
      status: 'failed',
      phase: 'done',
      message: 'interrupted: the server stopped before the import finished; start it again',
      finished_at: new Date(),
    })
    .where('status', 'in', ['queued', 'running'])
    .executeTakeFirst()
  return Number(result.numUpdatedRows)
}
