import { type Kysely, sql } from 'kysely'
import { z } from 'zod'
import type { DB } from '../../db/database.js'
import type { Stage } from './stage-table.js'

/** Errors kept per import (in the job row and the report); more are counted, not listed. */
export const ERRORS_KEPT = 10_000

export const RowErrorView = z.object({
  line: z.number().int().describe('Line in the file (the header is line 1)'),
  column: z.string().describe('Canonical column, or * for the whole line'),
  value: z.string().nullable(),
  reason: z.string(),
})
export type RowError = z.infer<typeof RowErrorView>

export type ImportPhase = 'queued' | 'reading' | 'validating' | 'writing' | 'totals' | 'done'

export interface ImportProgress {
  phase: ImportPhase
  bytesRead: number
  totalBytes: number | null
  rowsRead: number
}

export interface ImportCounts {
  rowsRead: number
  inserted: number
  updated: number
  unchanged: number
  invalid: number
  customersCreated: number
  productsCreated: number
  /** Rows naming a merged customer's old external id. */
  aliased: number
}

export interface ImportResult extends ImportCounts {
  status: 'succeeded' | 'failed'
  message: string | null
  /** The first ERRORS_KEPT row errors, by line. */
  errors: RowError[]
}

export interface FileImportResult extends ImportResult {
  mapping: Record<string, string>
  ignoredColumns: string[]
}

export async function readErrors(db: Kysely<DB>, stage: Stage, limit = ERRORS_KEPT): Promise<RowError[]> {
  const { rows } = await sql<{ line: number; column: string; value: string | null; reason: string }>`
    SELECT line::int AS line, "column", left(value, 200) AS value, reason FROM ${sql.table(stage.errors)}
    ORDER BY line, "column" LIMIT ${limit}`.execute(db)
  return rows
}
