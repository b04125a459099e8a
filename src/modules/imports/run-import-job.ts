import type { BulkDatabase } from '../../db/bulk-session.js'
import type { RowUpdate } from '../../db/database.js'
import type { Actor } from '../platform/index.js'
import { importFile } from './import-file.js'
import type { ImportJobView, ImportOptions } from './import-jobs.js'
import type { FileImportResult, ImportProgress } from './import-result.js'
import { ImportError } from './imports.errors.js'

/** Progress reaches the job row at most this often: often enough for a progress bar, not per row. */
const PROGRESS_EVERY_MS = 500

/**
 * Runs an import job on a file: marks it running, writes progress to the job row (phase changes
 * at once, counters every half second), and its outcome at the end. The job row is written on
 * the shared handle, outside the import's transaction, so readers see progress as it happens; on
 * the embedded database the writes made during the write phase wait for its commit instead.
 * Resolves with the result, or rejects after recording the failure on the job.
 */
export async function runImportJob(
  database: BulkDatabase,
  actor: Actor,
  job: Pick<ImportJobView, 'id' | 'kind'>,
  file: { path: string; options: ImportOptions },
  onProgress?: (progress: ImportProgress) => void,
): Promise<FileImportResult> {
  const { db } = database
  const where = { workspace_id: actor.workspaceId, id: job.id }
  // Job row writes run one after another, never awaited by the import itself.
  let writes: Promise<unknown> = Promise.resolve()
  const write = (values: RowUpdate<'import_jobs'>) => {
    writes = writes
      .then(() =>
        db
          .updateTable('import_jobs')
          .set(values)
          .where('workspace_id', '=', where.workspace_id)
          .where('id', '=', where.id)
          .execute(),
      )
      .catch(() => {}) // a missed progress update is harmless; the final write is awaited below
    return writes
  }
  await write({ status: 'running', phase: 'reading', started_at: new Date() })
  let lastPhase = 'reading'
  let lastAt = 0
  const progress = (p: ImportProgress) => {
    onProgress?.(p)
    const now = Date.now()
    if (p.phase === lastPhase && now - lastAt < PROGRESS_EVERY_MS) return
    lastPhase = p.phase
    lastAt = now
    void write({ phase: p.phase, bytes_read: p.bytesRead, rows_read: p.rowsRead })
  }
  try {
    const result = await importFile(database, actor, {
      kind: job.kind,
      path: file.path,
      ...file.options,
      jobId: job.id,
      onProgress: progress,
    })
    await writes
    await db
      .updateTable('import_jobs')
      .set({
        status: result.status,
        phase: 'done',
        rows_read: result.rowsRead,
        rows_inserted: result.inserted,
        rows_updated: result.updated,
        rows_unchanged: result.unchanged,
        rows_invalid: result.invalid,
        customers_created: result.customersCreated,
        products_created: result.productsCreated,
        rows_aliased: result.aliased,
        mapping: JSON.stringify(result.mapping),
        ignored_columns: result.ignoredColumns,
        errors: JSON.stringify(result.errors),
        message: result.message,
        finished_at: new Date(),
      })
      .where('workspace_id', '=', where.workspace_id)
      .where('id', '=', where.id)
      .execute()
    return result
  } catch (error) {
    await writes
    const message =
      error instanceof ImportError
        ? error.message
        : `the import stopped on an unexpected error: ${error instanceof Error ? error.message : String(error)}`
    await db
      .updateTable('import_jobs')
      .set({ status: 'failed', phase: 'done', message: message.slice(0, 2000), finished_at: new Date() })
      .where('workspace_id', '=', where.workspace_id)
      .where('id', '=', where.id)
      .execute()
    throw error
  }
}
