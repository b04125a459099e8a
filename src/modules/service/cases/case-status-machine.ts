import { ServiceError } from '../service.errors.js'
import type { CaseStatus } from './case.constants.js'

/**
 * The status machine. Reopening is the way back from resolved or closed (to open); closing is
 * only for resolved cases, so nothing is closed without a resolution on record.
 */
export const CASE_TRANSITIONS: Record<CaseStatus, readonly CaseStatus[]> = {
  new: ['open', 'waiting_on_customer', 'waiting_on_third_party', 'resolved'],
  open: ['waiting_on_customer', 'waiting_on_third_party', 'resolved'],
  waiting_on_customer: ['open', 'waiting_on_third_party', 'resolved'],
  waiting_on_third_party: ['open', 'waiting_on_customer', 'resolved'],
  resolved: ['closed', 'open'],
  closed: ['open'],
}

export function assertTransition(from: CaseStatus, to: CaseStatus, caseNumber: number): void {
  if (CASE_TRANSITIONS[from].includes(to)) return
  const allowed = CASE_TRANSITIONS[from]
  throw new ServiceError(
    'CASE_TRANSITION_NOT_ALLOWED',
    `case #${caseNumber} is ${from}; it can move to ${allowed.join(', ')}, not ${to}`,
    { fields: [{ path: 'body.status', message: `one of ${allowed.join(', ')}` }] },
  )
}
