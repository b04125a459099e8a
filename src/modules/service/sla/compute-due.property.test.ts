import { describe, expect, it } from 'vitest'
import { bruteForceDue, bruteForceMinutesBetween } from './brute-force-clock.test-helper.js'
import type { BusinessCalendar } from './business-calendar.js'
import { WEEKDAYS } from './business-calendar.js'
import { businessMinutesBetween } from './business-time-between.js'
import { computeDue } from './compute-due.js'
import { berlinOffice, sundays, utc } from './sla.fixtures.test-helper.js'

const MINUTE = 60_000

// Seeded so a failure reproduces; mulberry32 is small and good enough for test data.
function random(seed: number) {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1))
  const pick = <T>(items: readonly T[]): T => items[int(0, items.length - 1)]!
  return { next, int, pick }
}

const ZONES = [
  'Europe/Berlin',
  'America/New_York',
  'Australia/Adelaide',
  'Asia/Kolkata',
  'Australia/Lord_Howe',
  'Asia/Kathmandu',
  'America/Santiago', // changes its clocks at midnight: 24:00 → 23:00 and 24:00 → 01:00
  'Africa/Casablanca', // one hour back during Ramadan
  'UTC',
]

// Windows around 2026's transitions (Europe: 29 Mar / 25 Oct; America: 8 Mar / 1 Nov;
// Adelaide and Lord Howe: 5 Apr / 4 Oct; Santiago: 5 Apr / 6 Sep; Casablanca: 15 Feb / 22 Mar)
// plus an ordinary stretch.
const WINDOWS = [
  ['2026-02-12', '2026-02-16'],
  ['2026-03-04', '2026-03-10'],
  ['2026-03-19', '2026-03-23'],
  ['2026-03-26', '2026-04-07'],
  ['2026-09-02', '2026-09-07'],
  ['2026-09-30', '2026-10-06'],
  ['2026-10-22', '2026-11-03'],
  ['2026-06-01', '2026-06-30'],
].map(([from, to]) => [Date.parse(`${from}T00:00:00Z`), Date.parse(`${to}T00:00:00Z`)] as const)

const hhmm = (minute: number) =>
  `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`

// Local minutes where the tested zones change their clocks: the small hours, and around midnight.
const NEAR_TRANSITIONS = [
  [60, 210],
  [0, 90],
  [1380, 1440],
] as const

function randomCalendar(rng: ReturnType<typeof random>): BusinessCalendar {
  const timezone = rng.pick(ZONES)
  if (rng.next() < 0.1) {
    const allDay: Array<[string, string]> = [['00:00', '24:00']]
    return { timezone, hours: Object.fromEntries(WEEKDAYS.map((day) => [day, allDay])) }
  }
  const hours: BusinessCalendar['hours'] = {}
  for (const day of WEEKDAYS) {
    // Sundays are open more often: that is when the tested zones change their clocks.
    if (rng.next() < (day === 'sun' ? 0.1 : 0.3)) continue
    // Cut points: random minutes, often near transitions, and the day's ends.
    const nearTransition = () => {
      const [from, to] = rng.pick(NEAR_TRANSITIONS)
      return rng.int(from, to)
    }
    const cuts = new Set<number>()
    const count = rng.pick([2, 2, 4, 4, 6])
    while (cuts.size < count) {
      const r = rng.next()
      cuts.add(r < 0.1 ? 0 : r < 0.2 ? 1440 : r < 0.5 ? nearTransition() : rng.int(0, 1440))
    }
    const sorted = [...cuts].sort((a, b) => a - b)
    const ranges: Array<[string, string]> = []
    for (let i = 0; i + 1 < sorted.length; i += 2) ranges.push([hhmm(sorted[i]!), hhmm(sorted[i + 1]!)])
    hours[day] = ranges
  }
  if (Object.keys(hours).length === 0) hours.wed = [['09:00', '17:00']]
  return { timezone, hours }
}

function weeklyMinutes(calendar: BusinessCalendar): number {
  return WEEKDAYS.flatMap((day) => calendar.hours[day] ?? []).reduce((sum, [start, end]) => {
    const toMinute = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5))
    return sum + toMinute(end) - toMinute(start)
  }, 0)
}

describe('brute-force reference agrees with hand-worked examples', () => {
  it('the issue example and a fall-back range', () => {
    expect(bruteForceDue(berlinOffice, utc('2026-03-27T15:30:00Z'), 120).toISOString()).toBe(
      '2026-03-30T08:30:00.000Z',
    )
    const calendar = sundays('America/New_York', [['01:30', '02:30']])
    expect(bruteForceDue(calendar, utc('2026-11-01T05:00:00Z'), 120).toISOString()).toBe(
      '2026-11-01T07:30:00.000Z',
    )
    expect(bruteForceMinutesBetween(calendar, utc('2026-11-01T00:00:00Z'), utc('2026-11-02T00:00:00Z'))).toBe(
      120,
    )
  })
})

describe('computeDue against a minute-by-minute counter', () => {
  it('agrees on 200 seeded random calendars, starts, targets and pauses', () => {
    const rng = random(20260323)
    for (let run = 0; run < 200; run++) {
      const calendar = randomCalendar(rng)
      const [windowStart, windowEnd] = rng.pick(WINDOWS)
      const start = new Date(windowStart + rng.int(0, (windowEnd - windowStart) / MINUTE) * MINUTE)
      if (rng.next() < 0.3) {
        calendar.holidays = [start, new Date(start.getTime() + 86_400_000 * rng.int(1, 4))].map((date) =>
          date.toISOString().slice(0, 10),
        )
      }
      // Keep the span walked by the reference to about a week, so 200 runs stay within seconds.
      const minutes = rng.int(1, Math.max(1, Math.min(900, Math.floor(weeklyMinutes(calendar) * 0.7))))
      const pauses =
        rng.next() < 0.3
          ? [0, 1].map(() => {
              const from = start.getTime() + rng.int(0, 3 * 1440) * MINUTE
              return { from: new Date(from), to: new Date(from + rng.int(1, 1440) * MINUTE) }
            })
          : []
      const context = JSON.stringify({ run, calendar, start, minutes, pauses })

      const due = computeDue(calendar, start, minutes, { pauses })
      expect(due.toISOString(), context).toBe(bruteForceDue(calendar, start, minutes, pauses).toISOString())
      expect(businessMinutesBetween(calendar, start, due, pauses), context).toBe(minutes)
    }
  })

  it('businessMinutesBetween agrees over random spans', () => {
    const rng = random(7)
    for (let run = 0; run < 60; run++) {
      const calendar = randomCalendar(rng)
      const [windowStart, windowEnd] = rng.pick(WINDOWS)
      const from = new Date(windowStart + rng.int(0, (windowEnd - windowStart) / MINUTE) * MINUTE)
      const to = new Date(from.getTime() + rng.int(0, 4 * 1440) * MINUTE)
      const context = JSON.stringify({ run, calendar, from, to })
      expect(businessMinutesBetween(calendar, from, to), context).toBe(
        bruteForceMinutesBetween(calendar, from, to),
      )
    }
  })
})
