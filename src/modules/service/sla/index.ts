/**
 * Business-hours SLA clock: pure functions over a {@link BusinessCalendar}, no database.
 *
 * Business time is real elapsed time while the calendar is open in its own time zone. An open range
 * `[start, end)` of a local date runs from the first instant the wall clock reaches `start` to the
 * first instant it reaches `end`. So a boundary inside a spring-forward gap maps to the end of the
 * gap, a repeated (fall-back) wall time to its first occurrence, a 00:00–24:00 day lasts 23 h or 25 h
 * on daylight-saving days, and a 24/7 calendar runs exactly like continuous time. Equivalently: the
 * calendar follows the furthest wall time reached so far, and is open while that lies in a range of
 * its own date that is not a holiday.
 *
 * @example
 * const calendar = BusinessCalendar.parse({
 *   timezone: 'Europe/Berlin',
 *   hours: { mon: [['09:00', '17:00']], tue: [['09:00', '12:00'], ['13:00', '17:00']] },
 *   holidays: ['2026-12-25'],
 * })
 * const due = computeDue(calendar, new Date(), 8 * 60)
 * const spent = businessMinutesBetween(calendar, openedAt, new Date())
 */
export { BusinessCalendar, WEEKDAYS, type Weekday } from './business-calendar.js'
export { businessMinutesBetween } from './business-time-between.js'
export { type ComputeDueOptions, computeDue } from './compute-due.js'
export { isOpen } from './is-open.js'
export { nextOpenInstant } from './next-open-instant.js'
export type { Pause } from './pauses.js'
export { previewDue, type SlaPreview, SlaPreviewInput } from './preview-due.js'
export { SlaError, type SlaErrorCode } from './sla.errors.js'
