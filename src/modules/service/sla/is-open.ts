import type { BusinessCalendar } from './business-calendar.js'
import { nextOpenInstant } from './next-open-instant.js'

/**
 * Whether the calendar is open at `at` (open ranges are `[start, end)`: open at 09:00, closed at 17:00).
 *
 * @example
 * isOpen(berlinOfficeHours, new Date('2026-03-30T07:00:00Z')) // Monday 09:00 CEST → true
 */
export function isOpen(calendar: BusinessCalendar, at: Date): boolean {
  return nextOpenInstant(calendar, at).getTime() === at.getTime()
}
