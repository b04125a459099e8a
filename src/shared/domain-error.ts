/** What went wrong, independent of transport; the HTTP layer maps each kind to one status. */
export type ErrorKind =
  | 'invalid' // 400: the input breaks a rule the schema could not express
  | 'unauthenticated' // 401
  | 'forbidden' // 403
  | 'not_found' // 404
  | 'conflict' // 409
  | 'unprocessable' // 422: well-formed but refers to a state that does not allow it
  | 'rate_limited' // 429
  | 'unavailable' // 503

export interface FieldIssue {
  path: string
  message: string
}

/**
 * Base of every module's typed error. `code` is stable and machine-readable
 * (e.g. `USER_EMAIL_TAKEN`); `message` is for people.
 */
export class DomainError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    message: string,
    readonly details: { fields?: FieldIssue[]; retryAfterSeconds?: number } = {},
  ) {
    super(message)
    this.name = 'DomainError'
  }
}

export const notFound = (entity: string, id: string) =>
  new DomainError(
    'not_found',
    `${entity.toUpperCase().replace(/\W+/g, '_')}_NOT_FOUND`,
    `${entity} ${id} not found`,
  )
