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

// Each zone with the dates of its 2026 transitions, so most runs start a few days before one.
const TRANSITIONS: Record<string, string[]> = {
  'Europe/Berlin': ['2026-03-29', '2026-10-25'],
  'America/New_York': ['2026-03-08', '2026-11-01'],
  'Australia/Adelaide': ['2026-04-05', '2026-10-04'],
  'Australia/Lord_Howe': ['2026-04-05', '2026-10-04'], // half-hour DST
  'America/Santiago': ['2026-04-05', '2026-09-06'], // clocks change at midnight
  'Africa/Casablanca': ['2026-02-15', '2026-03-22'], // one hour back during Ramadan
  'Asia/Kolkata': [],
  'Asia/Kathmandu': [],
  UTC: [],
}
const ZONES = Object.keys(TRANSITIONS)
const DAY = 86_400_000

function randomStart(rng: ReturnType<typeof random>, zone: string): Date {
  const transitions = TRANSITIONS[zone] ?? []
  const around =
    transitions.length > 0 && rng.next() < 0.8
      ? Date.parse(`${rng.pick(transitions)}T00:00:00Z`) - 4 * DAY
      : Date.parse('2026-06-01T00:00:00Z')
  return new Date(around + rng.int(0, (5 * DAY) / MINUTE) * MINUTE)
}

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
      const start = randomStart(rng, calendar.timezone)
      if (rng.next() < 0.3) {
        calendar.holidays = [start, new Date(start.getTime() + DAY * rng.int(1, 4))].map((date) =>
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
      const from = randomStart(rng, calendar.timezone)
      const to = new Date(from.getTime() + rng.int(0, 4 * 1440) * MINUTE)
      const context = JSON.stringify({ run, calendar, from, to })
      expect(businessMinutesBetween(calendar, from, to), context).toBe(
        bruteForceMinutesBetween(calendar, from, to),
      )
    }
  })
})
