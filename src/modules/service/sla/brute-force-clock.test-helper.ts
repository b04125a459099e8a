import { DateTime } from 'luxon'
import { type BusinessCalendar, WEEKDAYS } from './business-calendar.js'

// Reference implementation for tests: walks time minute by minute with luxon, independently of the
// interval arithmetic under test. Its rule is the spec in its plainest form: the calendar follows the
// furthest local wall time reached so far (after a fall-back it waits for the clock to catch up) and
// is open while that wall time lies in an open range of its own date that is not a holiday. Starts,
// pauses and time-zone transitions must sit on whole minutes for the minute grid to be exact.

const MINUTE = 60_000

interface Pause {
  from: Date
  to: Date
}

class WallWalker {
  #high = Number.NEGATIVE_INFINITY
  #open = false

  constructor(
    private readonly calendar: BusinessCalendar,
    start: number,
  ) {
    // Transitions are at most a few hours, so three hours of history fixes the high-water mark.
    for (let t = start - 180 * MINUTE; t < start; t += MINUTE) this.observe(t)
  }

  /** Whether the minute starting at `t` is open. */
  observe(t: number): boolean {
    const local = DateTime.fromMillis(t, { zone: this.calendar.timezone })
    const wall = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute)
    if (wall > this.#high) {
      this.#high = wall
      const ranges = this.calendar.hours[WEEKDAYS[local.weekday - 1]!] ?? []
      const minute = local.hour * 60 + local.minute
      this.#open =
        !(this.calendar.holidays ?? []).includes(local.toISODate()!) &&
        ranges.some(([start, end]) => toMinute(start) <= minute && minute < toMinute(end))
    }
    return this.#open
  }
}

export function bruteForceDue(
  calendar: BusinessCalendar,
  start: Date,
  minutes: number,
  pauses: Pause[] = [],
) {
  const walker = new WallWalker(calendar, start.getTime())
  let counted = 0
  for (let t = start.getTime(); ; t += MINUTE) {
    if (walker.observe(t) && !isPaused(pauses, t)) counted++
    if (counted === minutes) return new Date(t + MINUTE)
  }
}

export function bruteForceMinutesBetween(
  calendar: BusinessCalendar,
  from: Date,
  to: Date,
  pauses: Pause[] = [],
) {
  const walker = new WallWalker(calendar, from.getTime())
  let counted = 0
  for (let t = from.getTime(); t < to.getTime(); t += MINUTE) {
    if (walker.observe(t) && !isPaused(pauses, t)) counted++
  }
  return counted
}

function isPaused(pauses: Pause[], t: number): boolean {
  return pauses.some((pause) => pause.from.getTime() <= t && t < pause.to.getTime())
}

function toMinute(time: string): number {
  const [hours, minutes] = time.split(':').map(Number)
  return hours! * 60 + minutes!
}
