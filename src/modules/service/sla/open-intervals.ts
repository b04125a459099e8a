import { type NormalisedCalendar, openMinutesOn } from './business-calendar.js'
import { SlaError } from './sla.errors.js'

/**
 * Walks a calendar's open intervals `[start, end)` as instants, in order, one local day at a time:
 * the cost is per open range, never per minute. The first interval is clipped to begin at `from`.
 */
export class OpenIntervals {
  start = 0
  end = 0
  readonly #calendar: NormalisedCalendar
  #floor: number
  #day: number
  #rangeIndex = 0

  constructor(calendar: NormalisedCalendar, from: number) {
    this.#calendar = calendar
    this.#floor = from
    // Earlier dates cannot hold `from`: their intervals end when the wall clock first shows the next
    // date, which it did by `from`. (After a fall-back across midnight the date shown may even be one
    // that is over already; its intervals are then skipped as ending before `from`.)
    this.#day = calendar.clock.localDay(from)
  }

  /** Moves to the next open interval that ends after the previous one (or after `from`). */
  next(): this {
    const { clock, maxClosedDays } = this.#calendar
    for (let closedDays = 0; ; ) {
      const ranges = openMinutesOn(this.#calendar, this.#day)
      while (this.#rangeIndex < ranges.length) {
        const range = ranges[this.#rangeIndex++]!
        const end = clock.firstReach(this.#day, range.end)
        if (end <= this.#floor) continue
        const start = clock.firstReach(this.#day, range.start)
        // A range that lies wholly inside a spring-forward gap has no real time.
        if (start >= end) continue
        this.start = Math.max(start, this.#floor)
        this.end = end
        this.#floor = end
        return this
      }
      this.#day++
      this.#rangeIndex = 0
      if (++closedDays > maxClosedDays) {
        throw new SlaError('CALENDAR_NEVER_OPEN', `no open time within ${maxClosedDays} days`)
      }
    }
  }

  /** Skips everything before `to` (a long pause), jumping whole days instead of visiting them. */
  skipTo(to: number): void {
    if (to <= this.#floor) return
    this.#floor = to
    const day = this.#calendar.clock.localDay(to)
    if (day > this.#day) {
      this.#day = day
      this.#rangeIndex = 0
    }
  }
}
