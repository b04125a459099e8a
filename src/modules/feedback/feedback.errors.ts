import { DomainError, type ErrorKind } from '../../shared/domain-error.js'

const KINDS = {
  SURVEY_NOT_FOUND: 'not_found',
  RESPONSE_NOT_FOUND: 'not_found',
  IDEA_NOT_FOUND: 'not_found',
  CUSTOMER_NOT_FOUND: 'not_found',
  CASE_NOT_FOUND: 'not_found',
  NAME_TAKEN: 'conflict',
  NO_EMAIL: 'unprocessable',
  INVALID_INPUT: 'invalid',
  UNKNOWN_REFERENCE: 'invalid',
} as const satisfies Record<string, ErrorKind>

export type FeedbackErrorCode = keyof typeof KINDS

/** Typed error of the feedback module; the HTTP layer maps its kind to a problem status. */
export class FeedbackError extends DomainError {
  constructor(code: FeedbackErrorCode, message: string, details?: DomainError['details']) {
    super(KINDS[code], code, message, details)
  }
}
