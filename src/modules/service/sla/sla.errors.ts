export type SlaErrorCode = 'INVALID_CALENDAR' | 'CALENDAR_NEVER_OPEN' | 'INVALID_ARGUMENT'

/** Typed error of the SLA clock; `code` is stable, the message is for humans. */
export class SlaError extends Error {
  override readonly name = 'SlaError'

  constructor(
    readonly code: SlaErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message)
  }
}
