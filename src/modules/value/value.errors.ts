import { DomainError, type ErrorKind } from '../../shared/domain-error.js'

const KINDS = {
  RUN_NOT_FOUND: 'not_found',
  CUSTOMER_NOT_FOUND: 'not_found',
  RUN_IN_PROGRESS: 'conflict',
  NO_PURCHASES: 'unprocessable',
  FIT_FAILED: 'unprocessable',
  INVALID_OPTIONS: 'invalid',
  INVALID_TIER_RULES: 'invalid',
  UNKNOWN_CUSTOMER: 'invalid',
  COST_REFERENCE_TAKEN: 'conflict',
} as const satisfies Record<string, ErrorKind>

export type ValueErrorCode = keyof typeof KINDS

/** Errors of the value engine on the database (runs, tiers, costs); the HTTP layer maps the kind. */
export class ValueError extends DomainError {
  constructor(code: ValueErrorCode, message: string, details?: DomainError['details']) {
    super(KINDS[code], code, message, details)
  }
}
