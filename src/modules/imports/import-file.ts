import fs from 'node:fs'
import { type BulkDatabase, withBulkSession } from '../../db/bulk-session.js'
import { newId } from '../../db/ids.js'
import { type Actor, getWorkspace } from '../platform/index.js'
import { cdnowToCsv } from './csv/cdnow-to-csv.js'
import { CsvToCopy } from './csv/csv-to-copy.js'
import { type CsvHeader, type DELIMITERS, readCsvHeader } from './csv/read-csv-header.js'
import { type FinishContext, finishImport, type ImportSettings } from './finish-import.js'
import type { ImportKind } from './import-columns.js'
import type { FileImportResult, ImportProgress } from './import-result.js'
import { type ColumnMapping, type MappedColumns, mapColumns } from './map-columns.js'
import { createStage, dropStage } from './stage-table.js'

export interface ImportFileInput extends Partial<ImportSettings> {
  kind: ImportKind
  path: string
  mapping?: ColumnMapping
  /** Field separator; detected from the header when absent. */
  delimiter?: (typeof DELIMITERS)[number]
  /** `cdnow` reads the CDNOW transaction log (whitespace-separated) as purchases. */
  format?: 'csv' | 'cdnow'
  /** The import job this run belongs to (for the audit entry). */
  jobId?: string
  onProgress?: (progress: ImportProgress) => void
}

/** Reads from the file until the header record is complete. */
async function takeHeader(
  source: AsyncIterator<Buffer>,
  delimiter: string | undefined,
): Promise<{ header: CsvHeader; head: Buffer }> {
  let head: Buffer = Buffer.alloc(0)
  for (;;) {
    const next = await source.next()
    if (!next.done) head = head.length ? Buffer.concat([head, next.value]) : next.value
    const header = readCsvHeader(head, Boolean(next.done), delimiter)
    if (header) return { header, head }
  }
}

/**
 * Imports a customers or purchases CSV file: streamed into a staging table with COPY (memory
 * stays at a few megabytes whatever the size), validated and written set-based. Row problems are
 * in the result; a file the import cannot read at all (no header, a required column missing, a
 * bad mapping) throws an ImportError.
 */
export async function importFile(
  database: BulkDatabase,
  actor: Actor,
  input: ImportFileInput,
): Promise<FileImportResult> {
  const workspace = await getWorkspace(database.db, actor.workspaceId)
  const totalBytes = fs.statSync(input.path).size
  const raw = fs.createReadStream(input.path, { highWaterMark: 1 << 20 })
  let bytesRead = 0
  const counted = (async function* () {
    for await (const chunk of raw as AsyncIterable<Buffer>) {
      bytesRead += chunk.length
      yield chunk
    }
  })()
  const source = (input.format === 'cdnow' ? cdnowToCsv(counted) : counted)[Symbol.asyncIterator]()
  try {
    const { header, head } = await takeHeader(source, input.delimiter)
    const mapped = mapColumns(input.kind, header.names, input.mapping)
    const columns = [...mapped.fields.keys()]
    const encoder = new CsvToCopy({
      delimiter: header.delimiter.charCodeAt(0),
      fieldCount: header.names.length,
      pick: columns.map((c) => mapped.fields.get(c)!),
      firstLine: header.firstLine,
    })
    const progress = (phase: ImportProgress['phase']) =>
      input.onProgress?.({ phase, bytesRead, totalBytes, rowsRead: encoder.records })
    const chunks = async function* () {
      yield* encoder.push(head.subarray(header.dataOffset))
      for (let next = await source.next(); !next.done; next = await source.next()) {
        yield* encoder.push(next.value)
        progress('reading')
      }
      yield* encoder.end()
    }
    progress('reading')
    return await withBulkSession(database, async (session) => {
      const stage = await createStage(session, input.kind, columns)
      try {
        const delimiter = header.delimiter === '\t' ? "E'\\t'" : `'${header.delimiter}'`
        await session.copyIn(
          `${stage.rows} (line, problem, ${columns.join(', ')})`,
          `FORMAT csv, DELIMITER ${delimiter}, FORCE_NULL (${columns.join(', ')})`,
          chunks(),
        )
        const context: FinishContext = {
          actor,
          workspace,
          settings: {
            skipInvalid: input.skipInvalid ?? false,
            unknownCustomers: input.unknownCustomers ?? 'create',
          },
          rowsRead: encoder.records,
          audit: {
            action: `${input.kind}.import`,
            entityType: 'import_job',
            entityId: input.jobId ?? newId(),
          },
          onPhase: progress,
        }
        const result = await finishImport(session, stage, context)
        progress('done')
        return { ...result, ...report(mapped) }
      } finally {
        await dropStage(session, stage)
      }
    })
  } finally {
    raw.destroy()
  }
}

const report = (mapped: MappedColumns) => ({ mapping: mapped.mapping, ignoredColumns: mapped.ignored })
