import { DomainError, type ErrorKind } from '../../shared/domain-error.js'

const KINDS = {
  CUSTOMER_NOT_FOUND: 'not_found',
  CUSTOMER_EXTERNAL_ID_TAKEN: 'conflict',
  INVALID_ORGANISATION: 'invalid',
  INVALID_OWNER: 'invalid',
  INVALID_ATTRIBUTES: 'invalid',
  INVALID_FILTER: 'invalid',
  ATTRIBUTE_NOT_FOUND: 'not_found',
  ATTRIBUTE_KEY_TAKEN: 'conflict',
  ATTRIBUTE_IN_USE: 'conflict',
  SEGMENT_NOT_FOUND: 'not_found',
  SEGMENT_NAME_TAKEN: 'conflict',
} as const satisfies Record<string, ErrorKind>

export type CustomersErrorCode = keyof typeof KINDS

export class CustomersError extends DomainError {
  constructor(code: CustomersErrorCode, message: string, details?: DomainError['details']) {
    super(KINDS[code], code, message, details)
  }
}
