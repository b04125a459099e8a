import { type BusinessCalendar, normaliseCalendar } from './business-calendar.js'
import { OpenIntervals } from './open-intervals.js'
import { instant, normalisePauses, type Pause, PauseCutter } from './pauses.js'
import { MINUTE_MS } from './zone-clock.js'

/**
 * Business minutes (fractional) accumulated in `[from, to)`, pauses excluded. Negative when `to`
 * is before `from`, so `businessMinutesBetween(cal, due, now)` reads as "breached by".
 *
 * @example
 * businessMinutesBetween(berlinOfficeHours, new Date('2026-03-27T15:30:00Z'), new Date('2026-03-30T08:30:00Z'))
 * // → 120
 */
export function businessMinutesBetween(
  calendar: BusinessCalendar,
  from: Date,
  to: Date,
  pauses?: ReadonlyArray<Pause>,
): number {
  const start = instant(from, 'from')
  const end = instant(to, 'to')
  if (end < start) return -businessMinutesBetween(calendar, to, from, pauses)
  if (end === start) return 0
  const intervals = new OpenIntervals(normaliseCalendar(calendar), start)
  const cutter = new PauseCutter(normalisePauses(pauses))
  let total = 0
  for (;;) {
    const { start: open, end: close } = intervals.next()
    if (open >= end) return total / MINUTE_MS
    const stop = Math.min(close, end)
    let at = open
    while (at < stop) {
      const pause = cutter.pauseAfter(at)
      if (pause && pause.from <= at) {
        at = pause.to
        continue
      }
      const until = pause ? Math.min(stop, pause.from) : stop
      total += until - at
      at = until
    }
    if (at >= end) return total / MINUTE_MS
    intervals.skipTo(at)
  }
}
