import { IANAZone } from 'luxon'
import { z } from 'zod'
import { SlaError } from './sla.errors.js'
import { DAY_MS, ZoneClock } from './zone-clock.js'

/** Keys of `BusinessCalendar.hours`, Monday first (ISO order). */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const
/** One of {@link WEEKDAYS}. */
export type Weekday = (typeof WEEKDAYS)[number]

const LocalTime = z
  .string()
  .regex(/^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/, 'expected a local time "HH:MM" from 00:00 to 24:00')

const OpenRange = z
  .tuple([LocalTime, LocalTime])
  .refine(([start, end]) => minuteOfDay(start) < minuteOfDay(end), 'range start must be before its end')

const WeekHours = z.strictObject(
  Object.fromEntries(WEEKDAYS.map((day) => [day, z.array(OpenRange).optional()])) as Record<
    Weekday,
    z.ZodOptional<z.ZodArray<typeof OpenRange>>
  >,
)

/**
 * Opening hours of a service desk in its own IANA `timezone`. `hours` maps weekdays to open ranges
 * `[start, end)` as local `"HH:MM"` (`"24:00"` = end of day); several ranges per day are allowed but
 * must not overlap; a missing weekday is closed; at least one range is required. `holidays` are local
 * ISO dates closed all day. Calendars are cached by object identity once used: do not mutate one.
 *
 * @example
 * BusinessCalendar.parse({
 *   timezone: 'Europe/Berlin',
 *   hours: { mon: [['08:00', '12:00'], ['13:00', '17:00']], fri: [['09:00', '15:00']] },
 *   holidays: ['2026-12-25'],
 * })
 */
export const BusinessCalendar = z
  .object({
    timezone: z.string().refine((name) => IANAZone.isValidZone(name), 'unknown IANA time zone'),
    hours: WeekHours,
    holidays: z.array(z.iso.date()).optional(),
  })
  .superRefine((calendar, ctx) => {
    let openDays = 0
    for (const day of WEEKDAYS) {
      const ranges = calendar.hours[day] ?? []
      if (ranges.length > 0) openDays++
      const sorted = ranges
        .map(([start, end], index) => ({ start: minuteOfDay(start), end: minuteOfDay(end), index }))
        .sort((a, b) => a.start - b.start)
      for (let i = 1; i < sorted.length; i++) {
        const previous = sorted[i - 1]!
        const current = sorted[i]!
        // Touching ranges (12:00 end, 12:00 start) are fine; they behave like one range.
        if (current.start < previous.end) {
          ctx.addIssue({
            code: 'custom',
            path: ['hours', day, current.index],
            message: `range overlaps another range on ${day}`,
          })
        }
      }
    }
    // An always-closed calendar can never reach a target: reject it here rather than loop later.
    if (openDays === 0)
      ctx.addIssue({ code: 'custom', path: ['hours'], message: 'calendar has no open hours' })
  })

export type BusinessCalendar = z.infer<typeof BusinessCalendar>

export interface OpenMinutes {
  readonly start: number
  readonly end: number
}

/** A validated calendar in the shape the clock iterates over. */
export interface NormalisedCalendar {
  readonly clock: ZoneClock
  /** Ranges in minutes of the day, sorted, indexed by ISO weekday - 1 (Monday = 0). */
  readonly week: ReadonlyArray<ReadonlyArray<OpenMinutes>>
  /** Holidays as local day numbers (see ZoneClock). */
  readonly holidays: ReadonlySet<number>
  /** Longest possible run of days without open time; more means a bug, not a long wait. */
  readonly maxClosedDays: number
}

const NO_HOURS: ReadonlyArray<OpenMinutes> = []
const normalised = new WeakMap<object, NormalisedCalendar>()

/**
 * Validates and normalises a calendar once per calendar object (cached by identity, hence the
 * "do not mutate"), so callers may pass the same object to many computations without re-parsing.
 */
export function normaliseCalendar(calendar: BusinessCalendar): NormalisedCalendar {
  const cached = normalised.get(calendar)
  if (cached) return cached
  const parsed = BusinessCalendar.safeParse(calendar)
  if (!parsed.success) {
    throw new SlaError('INVALID_CALENDAR', z.prettifyError(parsed.error), parsed.error.issues)
  }
  const { timezone, hours, holidays = [] } = parsed.data
  const week = WEEKDAYS.map((day) =>
    (hours[day] ?? [])
      .map(([start, end]) => ({ start: minuteOfDay(start), end: minuteOfDay(end) }))
      .sort((a, b) => a.start - b.start),
  )
  const result: NormalisedCalendar = {
    clock: ZoneClock.for(timezone),
    week,
    holidays: new Set(holidays.map((date) => Date.parse(`${date}T00:00:00Z`) / DAY_MS)),
    // Every week has an open day, so closed runs are bounded by a week plus all the holidays, plus
    // slack for days whose only ranges fall into a daylight-saving gap.
    maxClosedDays: holidays.length + 16,
  }
  normalised.set(calendar, result)
  return result
}

/** Open ranges of a local day number, empty on holidays. */
export function openMinutesOn(calendar: NormalisedCalendar, day: number): ReadonlyArray<OpenMinutes> {
  if (calendar.holidays.has(day)) return NO_HOURS
  // Day 0 (1970-01-01) was a Thursday, ISO weekday 4, index 3.
  return calendar.week[(((day + 3) % 7) + 7) % 7] ?? NO_HOURS
}

function minuteOfDay(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5))
}
