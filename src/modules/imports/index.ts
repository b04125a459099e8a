/**
 * Imports and exports: customers and purchases CSV files of any size (streamed through COPY into
 * staging tables, validated and written set-based), the bulk batch API on the same engine, import
 * jobs with progress, and streaming CSV exports of the canonical columns.
 */

export { DELIMITERS } from './csv/read-csv-header.js'
export { exportCsv } from './export-csv.js'
export {
  BATCH_MAX_ROWS,
  BatchResultView,
  CustomersBatchInput,
  importBatch,
  PurchasesBatchInput,
} from './import-batch.js'
export { IMPORT_COLUMNS, IMPORT_KINDS, type ImportKind } from './import-columns.js'
export { type ImportFileInput, importFile } from './import-file.js'
export {
  createImportJob,
  failInterruptedImports,
  getImportJob,
  ImportJobDetailView,
  ImportJobView,
  ImportOptions,
  importErrorsCsv,
  listImportJobs,
  type NewImportJob,
} from './import-jobs.js'
export {
  ERRORS_KEPT,
  type FileImportResult,
  type ImportProgress,
  type ImportResult,
  type RowError,
  RowErrorView,
} from './import-result.js'
export { ImportError, type ImportErrorCode } from './imports.errors.js'
export type { ColumnMapping } from './map-columns.js'
export { MappingPreviewView, PreviewMappingInput, previewMapping } from './preview-mapping.js'
export { runImportJob } from './run-import-job.js'
