import { api, apiHref } from './client.js'
import type { Page } from './types.js'

export type ImportKind = 'customers' | 'purchases'
export type ImportStatus = 'queued' | 'running' | 'succeeded' | 'failed'

export interface ImportRowError {
  /** Line in the file; the header is line 1. */
  line: number
  /** Canonical column, or * for the whole line. */
  column: string
  value: string | null
  reason: string
}

/** A CSV import job as the server reports it while it runs and after. */
export interface ImportJob {
  id: string
  kind: ImportKind
  status: ImportStatus
  /** queued, reading, validating, writing, totals, done */
  phase: string | null
  fileName: string
  fileBytes: number | null
  bytesRead: number
  rowsRead: number
  inserted: number
  updated: number
  unchanged: number
  invalid: number
  customersCreated: number
  productsCreated: number
  /** Rows naming a merged customer by its old external id. */
  aliased: number
  /** Canonical column → the header it was read from. */
  mapping: Record<string, string>
  ignoredColumns: string[]
  options: Record<string, unknown>
  message: string | null
  createdAt: string
  startedAt: string | null
  finishedAt: string | null
  /** The first 1,000 row errors; only GET /api/imports/:id sends them. */
  errors?: ImportRowError[]
}

export interface ImportOptions {
  kind: ImportKind
  /** Write the good rows and report the rest; otherwise nothing is written if any row is bad. */
  skipInvalid: boolean
  /** Purchases whose customer is unknown: create a minimal customer, or fail the row. */
  unknownCustomers: 'create' | 'fail'
  /** Field separator; detected from the header when absent. */
  delimiter?: ImportDelimiter
  /** Canonical column → header in the file; '' turns a column off. Absent: detected. */
  mapping?: Record<string, string>
}

export const IMPORT_DELIMITERS = [',', ';', '\t', '|'] as const
export type ImportDelimiter = (typeof IMPORT_DELIMITERS)[number]

/** The mapping an import would apply to a file with these headers (POST /api/imports/preview-mapping). */
export interface MappingPreview {
  columns: { name: string; required: boolean; header: string | null }[]
  mapping: Record<string, string>
  ignored: string[]
  missing: string[]
}

const at = (id: string) => `/api/imports/${encodeURIComponent(id)}`

/** Uploads the file as the raw body; the server answers 202 with the queued job. */
export const startImport = (file: File, options: ImportOptions) =>
  api.upload<ImportJob>('/api/imports', file, 'text/csv', {
    kind: options.kind,
    fileName: file.name,
    skipInvalid: options.skipInvalid,
    ...(options.kind === 'purchases' && { unknownCustomers: options.unknownCustomers }),
    ...(options.delimiter && { delimiter: options.delimiter }),
    ...(options.mapping && { mapping: JSON.stringify(options.mapping) }),
  })

export const previewMapping = (kind: ImportKind, headers: string[]) =>
  api.post<MappingPreview>('/api/imports/preview-mapping', { kind, headers })

export const getImport = (id: string) => api.get<ImportJob>(at(id))

export const listImports = (query: { limit?: number; cursor?: string } = {}) =>
  api.get<Page<ImportJob>>('/api/imports', { ...query })

export const importErrorsHref = (id: string) => `${at(id)}/errors.csv`

export const exportHref = (kind: ImportKind) => apiHref(`/api/exports/${kind}.csv`)
