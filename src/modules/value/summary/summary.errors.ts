export type ValueInputErrorCode =
  | 'FILE_NOT_FOUND'
  | 'MISSING_COLUMN'
  | 'BAD_VALUE'
  | 'NO_CUSTOMERS'
  | 'BAD_OPTION'

/** Bad input files or options for the value engine; `message` is written for the person at the CLI. */
export class ValueInputError extends Error {
  constructor(
    readonly code: ValueInputErrorCode,
    message: string,
  ) {
    super(message)
    this.name = 'ValueInputError'
  }
}
