import { DomainError, type ErrorKind } from '../../shared/domain-error.js'

const KINDS = {
  ACTION_TYPE_NOT_FOUND: 'not_found',
  POLICY_NOT_FOUND: 'not_found',
  APPROVAL_NOT_FOUND: 'not_found',
  LEDGER_ENTRY_NOT_FOUND: 'not_found',
  ABOVE_AUTHORITY: 'forbidden',
  APPROVER_AUTHORITY_TOO_LOW: 'forbidden',
  NAME_TAKEN: 'conflict',
  APPROVAL_DECIDED: 'conflict',
  APPROVAL_EXPIRED: 'conflict',
  ALREADY_REVERSED: 'conflict',
  ACTION_TYPE_INACTIVE: 'unprocessable',
  NOT_A_GRANT: 'unprocessable',
  UNKNOWN_REFERENCE: 'invalid',
  INVALID_AMOUNT: 'invalid',
} as const satisfies Record<string, ErrorKind>

export type EmpowermentErrorCode = keyof typeof KINDS

/** Typed error of the empowerment module; the HTTP layer maps its kind to a problem status. */
export class EmpowermentError extends DomainError {
  constructor(code: EmpowermentErrorCode, message: string, details?: DomainError['details']) {
    super(KINDS[code], code, message, details)
  }
}

/** An id in the request body that names nothing in this workspace (400, with the field path). */
export const unknownReference = (path: string, what: string) =>
  new EmpowermentError('UNKNOWN_REFERENCE', `no such ${what}`, {
    fields: [{ path, message: `no such ${what}` }],
  })
