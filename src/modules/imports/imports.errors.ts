import { DomainError, type ErrorKind } from '../../shared/domain-error.js'

const KINDS = {
  EMPTY_FILE: 'invalid',
  NOT_UTF8: 'invalid',
  RECORD_TOO_LONG: 'invalid',
  UNKNOWN_COLUMN: 'invalid',
  INVALID_MAPPING: 'invalid',
  MISSING_COLUMNS: 'invalid',
  INVALID_ROWS: 'invalid',
  TOO_MANY_ROWS: 'invalid',
  IMPORT_NOT_FOUND: 'not_found',
} as const satisfies Record<string, ErrorKind>

export type ImportErrorCode = keyof typeof KINDS

/** A file or request the import refuses as a whole (row-level problems go into the report instead). */
export class ImportError extends DomainError {
  constructor(code: ImportErrorCode, message: string, details?: DomainError['details']) {
    super(KINDS[code], code, message, details)
  }
}
