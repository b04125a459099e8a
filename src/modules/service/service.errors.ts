import { DomainError, type ErrorKind } from '../../shared/domain-error.js'

const KINDS = {
  CASE_NOT_FOUND: 'not_found',
  CALENDAR_NOT_FOUND: 'not_found',
  TEAM_NOT_FOUND: 'not_found',
  POLICY_NOT_FOUND: 'not_found',
  ROUTING_RULE_NOT_FOUND: 'not_found',
  PLAYBOOK_NOT_FOUND: 'not_found',
  PLAYBOOK_STEP_NOT_FOUND: 'not_found',
  MACRO_NOT_FOUND: 'not_found',
  CALLBACK_NOT_FOUND: 'not_found',
  INTAKE_NOT_FOUND: 'not_found',
  CASE_TRANSITION_NOT_ALLOWED: 'conflict',
  CASE_CLOSED: 'conflict',
  CASE_MERGE_NOT_ALLOWED: 'conflict',
  CALLBACK_SLOT_FULL: 'conflict',
  CALLBACK_NOT_SCHEDULED: 'conflict',
  NAME_TAKEN: 'conflict',
  IN_USE: 'conflict',
  PLAYBOOK_INCOMPLETE: 'unprocessable',
  CASE_MERGE_DIFFERENT_REQUESTER: 'unprocessable',
  CALLBACK_SLOT_CLOSED: 'unprocessable',
  MY_QUEUE_NEEDS_USER: 'unprocessable',
  UNKNOWN_REFERENCE: 'invalid',
  INVALID_INPUT: 'invalid',
  INVALID_CALENDAR: 'invalid',
  UNKNOWN_MACRO_VARIABLE: 'invalid',
  CALLBACK_PHONE_REQUIRED: 'invalid',
} as const satisfies Record<string, ErrorKind>

export type ServiceErrorCode = keyof typeof KINDS

/** Typed error of the service centre; the HTTP layer maps its kind to a problem status. */
export class ServiceError extends DomainError {
  constructor(code: ServiceErrorCode, message: string, details?: DomainError['details']) {
    super(KINDS[code], code, message, details)
  }
}

/** An id in the request body that names nothing in this workspace (400, with the field path). */
export const unknownReference = (path: string, what: string) =>
  new ServiceError('UNKNOWN_REFERENCE', `no such ${what}`, { fields: [{ path, message: `no such ${what}` }] })
