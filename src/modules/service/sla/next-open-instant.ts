import { type BusinessCalendar, normaliseCalendar } from './business-calendar.js'
import { OpenIntervals } from './open-intervals.js'
import { instant } from './pauses.js'

/**
 * `at` itself when the calendar is open then, otherwise the next opening (pauses do not apply:
 * this is about the calendar, e.g. to offer a callback slot).
 *
 * @example
 * nextOpenInstant(berlinOfficeHours, new Date('2026-03-28T10:00:00Z')) // Saturday
 * // → 2026-03-30T07:00:00.000Z (Monday 09:00 CEST)
 */
export function nextOpenInstant(calendar: BusinessCalendar, at: Date): Date {
  const intervals = new OpenIntervals(normaliseCalendar(calendar), instant(at, 'at'))
  return new Date(intervals.next().start)
}
