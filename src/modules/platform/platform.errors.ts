import { DomainError, type ErrorKind } from '../../shared/domain-error.js'

const KINDS = {
  WORKSPACE_NOT_FOUND: 'not_found',
  WORKSPACE_SLUG_TAKEN: 'conflict',
  INVALID_TIMEZONE: 'invalid',
  USER_NOT_FOUND: 'not_found',
  USER_EMAIL_TAKEN: 'conflict',
  ROLE_ABOVE_OWN: 'forbidden',
  LAST_OWNER: 'unprocessable',
  TOKEN_NOT_FOUND: 'not_found',
  INVALID_CREDENTIALS: 'unauthenticated',
  LOGIN_LOCKED: 'rate_limited',
} as const satisfies Record<string, ErrorKind>

export type PlatformErrorCode = keyof typeof KINDS

export class PlatformError extends DomainError {
  constructor(code: PlatformErrorCode, message: string, details?: DomainError['details']) {
    super(KINDS[code], code, message, details)
  }
}
