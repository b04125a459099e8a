import { type BusinessCalendar, normaliseCalendar } from './business-calendar.js'
import { OpenIntervals } from './open-intervals.js'
import { instant, normalisePauses, type Pause, PauseCutter } from './pauses.js'
import { SlaError } from './sla.errors.js'
import { MINUTE_MS } from './zone-clock.js'

/** Options of {@link computeDue}. */
export interface ComputeDueOptions {
  /** Spans that accumulate no business time (clock paused while waiting on the customer). */
  pauses?: ReadonlyArray<Pause>
}

/**
 * The first instant at which the business time accumulated since `start` reaches `minutes`.
 *
 * @example
 * computeDue(berlinOfficeHours, new Date('2026-03-27T15:30:00Z'), 120)
 * // → 2026-03-30T08:30:00.000Z (30 min on Friday, 90 min from Monday 09:00 CEST)
 */
export function computeDue(
  calendar: BusinessCalendar,
  start: Date,
  minutes: number,
  options: ComputeDueOptions = {},
): Date {
  const from = instant(start, 'start')
  if (!Number.isFinite(minutes) || minutes < 0) {
    throw new SlaError('INVALID_ARGUMENT', `minutes must be a finite number >= 0, got ${minutes}`)
  }
  // A zero target is reached immediately, even outside hours.
  if (minutes === 0) return new Date(from)
  const intervals = new OpenIntervals(normaliseCalendar(calendar), from)
  const pauses = new PauseCutter(normalisePauses(options.pauses))
  let remaining = minutes * MINUTE_MS
  for (;;) {
    const { start: open, end: close } = intervals.next()
    let at = open
    while (at < close) {
      const pause = pauses.pauseAfter(at)
      if (pause && pause.from <= at) {
        at = pause.to
        continue
      }
      const until = pause ? Math.min(close, pause.from) : close
      // `>=`: a target met exactly at closing time (or at a pause) is due then, not at reopening.
      if (until - at >= remaining) return new Date(at + remaining)
      remaining -= until - at
      at = until
    }
    // A pause outlasting this interval: jump past it rather than walking the days it covers.
    intervals.skipTo(at)
  }
}
