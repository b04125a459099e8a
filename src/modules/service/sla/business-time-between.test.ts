import { describe, expect, it } from 'vitest'
import { businessMinutesBetween } from './business-time-between.js'
import { nextOpenInstant } from './next-open-instant.js'
import { berlinOffice, berlinSplitShift, everyDay, sundays, utc } from './sla.fixtures.test-helper.js'

describe('businessMinutesBetween', () => {
  it('counts open time only: Fri 16:30 CET → Mon 09:30 CET is 60 min', () => {
    expect(
      businessMinutesBetween(berlinOffice, utc('2026-01-09T15:30:00Z'), utc('2026-01-12T08:30:00Z')),
    ).toBe(60)
  })

  it('skips lunch on split shifts: Mon 11:00 → 14:00 CET is 120 min', () => {
    expect(
      businessMinutesBetween(berlinSplitShift, utc('2026-01-05T10:00:00Z'), utc('2026-01-05T13:00:00Z')),
    ).toBe(120)
  })

  it('skips holidays: Thu 24 Dec 09:00 → Tue 29 Dec 09:00 CET is two days', () => {
    expect(
      businessMinutesBetween(berlinOffice, utc('2026-12-24T08:00:00Z'), utc('2026-12-29T08:00:00Z')),
    ).toBe(960)
  })

  it('is signed: negative when `to` is before `from`, zero when equal', () => {
    const a = utc('2026-01-05T09:00:00Z')
    const b = utc('2026-01-05T10:30:00Z')
    expect(businessMinutesBetween(berlinOffice, b, a)).toBe(-90)
    expect(businessMinutesBetween(berlinOffice, a, a)).toBe(0)
  })

  it('excludes pauses', () => {
    const pauses = [{ from: utc('2026-01-05T09:00:00Z'), to: utc('2026-01-06T09:00:00Z') }]
    // Mon 09:00–10:00 CET counts, then paused until Tue 10:00 CET, then Tue 10:00–17:00.
    expect(
      businessMinutesBetween(berlinOffice, utc('2026-01-05T08:00:00Z'), utc('2026-01-06T16:00:00Z'), pauses),
    ).toBe(60 + 420)
  })

  it('returns fractional minutes', () => {
    expect(
      businessMinutesBetween(berlinOffice, utc('2026-01-05T09:00:00Z'), utc('2026-01-05T09:00:30Z')),
    ).toBe(0.5)
  })

  it.each([
    // A Sunday 00:00–24:00 lasts as long as the wall clock runs.
    [
      'Berlin spring-forward Sunday lasts 23 h',
      'Europe/Berlin',
      '2026-03-28T20:00:00Z',
      '2026-03-30T00:00:00Z',
      1380,
    ],
    [
      'Berlin fall-back Sunday lasts 25 h',
      'Europe/Berlin',
      '2026-10-24T20:00:00Z',
      '2026-10-26T00:00:00Z',
      1500,
    ],
    [
      'New York spring-forward Sunday lasts 23 h',
      'America/New_York',
      '2026-03-08T00:00:00Z',
      '2026-03-09T12:00:00Z',
      1380,
    ],
    [
      'New York fall-back Sunday lasts 25 h',
      'America/New_York',
      '2026-11-01T00:00:00Z',
      '2026-11-02T12:00:00Z',
      1500,
    ],
    [
      'Adelaide spring-forward Sunday lasts 23 h',
      'Australia/Adelaide',
      '2026-10-03T00:00:00Z',
      '2026-10-05T00:00:00Z',
      1380,
    ],
    [
      'Adelaide fall-back Sunday lasts 25 h',
      'Australia/Adelaide',
      '2026-04-04T00:00:00Z',
      '2026-04-06T00:00:00Z',
      1500,
    ],
    [
      'Lord Howe spring-forward Sunday lasts 23.5 h',
      'Australia/Lord_Howe',
      '2026-10-03T00:00:00Z',
      '2026-10-05T00:00:00Z',
      1410,
    ],
  ])('%s', (_, zone, from, to, minutes) => {
    expect(businessMinutesBetween(sundays(zone, [['00:00', '24:00']]), utc(from), utc(to))).toBe(minutes)
  })

  it('Santiago changes clocks at midnight: Saturday repeats its last hour and lasts 25 h', () => {
    // 5 April: at 03:00Z the clock goes from Sat 23:59:59 (-3) back to Sat 23:00 (-4); Sunday 00:00 is
    // first shown at 04:00Z. Saturday runs 03:00Z Sat → 04:00Z Sun, Sunday 04:00Z → Mon 04:00Z.
    const saturday = {
      timezone: 'America/Santiago',
      hours: { sat: [['00:00', '24:00']] as Array<[string, string]> },
    }
    const sunday = sundays('America/Santiago', [['00:00', '24:00']])
    const week: [Date, Date] = [utc('2026-04-01T00:00:00Z'), utc('2026-04-08T00:00:00Z')]
    expect(businessMinutesBetween(saturday, ...week)).toBe(1500)
    expect(businessMinutesBetween(sunday, ...week)).toBe(1440)
    // 6 September: Sat 24:00 (-4) = 04:00Z jumps to Sun 01:00 (-3): Sunday opens then, lasts 23 h.
    expect(businessMinutesBetween(sunday, utc('2026-09-05T00:00:00Z'), utc('2026-09-08T00:00:00Z'))).toBe(
      1380,
    )
    expect(nextOpenInstantOf(sunday, '2026-09-05T12:00:00Z')).toBe('2026-09-06T04:00:00.000Z')
  })

  it('New York, Sunday 00:00–06:00: 5 h on spring-forward day, 7 h on fall-back day', () => {
    const calendar = sundays('America/New_York', [['00:00', '06:00']])
    // 00:00 EST = 05:00Z → 06:00 EDT = 10:00Z; 00:00 EDT = 04:00Z → 06:00 EST = 11:00Z.
    expect(businessMinutesBetween(calendar, utc('2026-03-08T00:00:00Z'), utc('2026-03-09T00:00:00Z'))).toBe(
      300,
    )
    expect(businessMinutesBetween(calendar, utc('2026-11-01T00:00:00Z'), utc('2026-11-02T00:00:00Z'))).toBe(
      420,
    )
  })

  it('Berlin fall-back: 00:00–02:30 and 02:30–05:00 add up to 00:00–05:00 (150 + 210 = 360)', () => {
    const day: [Date, Date] = [utc('2026-10-24T12:00:00Z'), utc('2026-10-25T12:00:00Z')]
    const early = sundays('Europe/Berlin', [['00:00', '02:30']])
    const late = sundays('Europe/Berlin', [['02:30', '05:00']])
    const both = sundays('Europe/Berlin', [
      ['00:00', '02:30'],
      ['02:30', '05:00'],
    ])
    expect(businessMinutesBetween(early, ...day)).toBe(150)
    expect(businessMinutesBetween(late, ...day)).toBe(210)
    expect(businessMinutesBetween(both, ...day)).toBe(360)
  })

  it('24/7 equals elapsed time across a transition', () => {
    const calendar = everyDay('Europe/Berlin', [['00:00', '24:00']])
    expect(businessMinutesBetween(calendar, utc('2026-10-24T00:00:00Z'), utc('2026-10-27T00:00:00Z'))).toBe(
      3 * 1440,
    )
  })
})

function nextOpenInstantOf(calendar: Parameters<typeof nextOpenInstant>[0], at: string): string {
  return nextOpenInstant(calendar, utc(at)).toISOString()
}
