// PGlite and node-postgres parse result values differently out of the box (PGlite turns int8 into a
// number and dates into Date objects, pg keeps int8 as a string). The product must not behave
// differently on the embedded database, so both drivers get this one table of parsers.

export const PG_TYPES = {
  INT8: 20,
  NUMERIC: 1700,
  DATE: 1082,
  TIMESTAMP: 1114,
  TIMESTAMPTZ: 1184,
} as const

/** int8 → number; counts and sums of integers fit easily, and a value past 2^53 must fail loudly. */
export function parseInt8(value: string): number {
  const n = Number(value)
  if (!Number.isSafeInteger(n)) throw new RangeError(`int8 value ${value} exceeds the safe integer range`)
  return n
}

/** NUMERIC stays a string: money is exact decimal, never a float. */
export const parseNumeric = (value: string): string => value

/** DATE stays 'YYYY-MM-DD': a calendar date has no time zone and must not shift. */
export const parseDate = (value: string): string => value

/** timestamptz → Date (the server sends ISO-like text with an offset). */
export function parseTimestamptz(value: string): Date {
  return new Date(value.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00'))
}

/** timestamp without zone is always UTC in this schema. */
export function parseTimestamp(value: string): Date {
  return new Date(`${value.replace(' ', 'T')}Z`)
}

export const typeParsers: Record<number, (value: string) => unknown> = {
  [PG_TYPES.INT8]: parseInt8,
  [PG_TYPES.NUMERIC]: parseNumeric,
  [PG_TYPES.DATE]: parseDate,
  [PG_TYPES.TIMESTAMP]: parseTimestamp,
  [PG_TYPES.TIMESTAMPTZ]: parseTimestamptz,
}
