import { DomainError, type ErrorKind } from '../../../shared/domain-error.js'

/**
 * `INVALID_CALENDAR`: the calendar fails the `BusinessCalendar` schema (details hold the zod issues);
 * `CALENDAR_NEVER_OPEN`: no open time could be found (a guard, not expected with a valid calendar);
 * `INVALID_ARGUMENT`: an invalid Date or a negative or non-finite target.
 */
export type SlaErrorCode = 'INVALID_CALENDAR' | 'CALENDAR_NEVER_OPEN' | 'INVALID_ARGUMENT'

const KINDS: Record<SlaErrorCode, ErrorKind> = {
  INVALID_CALENDAR: 'invalid',
  CALENDAR_NEVER_OPEN: 'unprocessable',
  INVALID_ARGUMENT: 'invalid',
}

/** Typed error of the SLA clock; `code` is stable, the message is for humans. */
export class SlaError extends DomainError {
  override readonly name = 'SlaError'

  constructor(
    code: SlaErrorCode,
    message: string,
    readonly issues?: unknown,
  ) {
    super(KINDS[code], code, message)
  }
}
