import { ValueInputError } from './summary.errors.js'

const MS_PER_DAY = 86_400_000

/**
 * Day number (days since 1970-01-01, UTC) of `YYYYMMDD`, `YYYY-MM-DD` or `YYYY/MM/DD`, optionally
 * followed by a time of day, which is ignored: the models count purchase days.
 */
export function parseDay(text: string, where = ''): number {
  const m = /^(\d{4})-?\/?(\d{2})-?\/?(\d{2})(?:[ T].*)?$/.exec(text.trim())
  const day = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / MS_PER_DAY : Number.NaN
  // Date.UTC rolls 2024-13-01 over to 2025-01-01: a round trip catches impossible dates.
  if (!m || !Number.isFinite(day) || formatDay(day).replaceAll('-', '') !== m[1]! + m[2]! + m[3]!) {
    throw new ValueInputError('BAD_VALUE', `invalid date "${text}"${where}`)
  }
  return day
}

/** ISO date (YYYY-MM-DD) of a day number. */
export const formatDay = (day: number) => new Date(day * MS_PER_DAY).toISOString().slice(0, 10)
