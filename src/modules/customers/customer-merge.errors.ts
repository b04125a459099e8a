import { DomainError, type ErrorKind } from '../../shared/domain-error.js'

const KINDS = {
  MERGE_SAME_CUSTOMER: 'invalid',
  MERGE_KIND_MISMATCH: 'unprocessable',
  MERGE_CONTACT_INTO_OWN_ORGANISATION: 'unprocessable',
  MERGE_CREATES_CYCLE: 'unprocessable',
  MERGE_UNIQUE_CONFLICT: 'conflict',
} as const satisfies Record<string, ErrorKind>

export type CustomerMergeErrorCode = keyof typeof KINDS

/** Why a merge was refused; a missing customer is the customers module's CUSTOMER_NOT_FOUND. */
export class CustomerMergeError extends DomainError {
  constructor(code: CustomerMergeErrorCode, message: string, details?: DomainError['details']) {
    super(KINDS[code], code, message, details)
  }
}
