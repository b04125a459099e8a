import { describe, expect, it } from 'vitest'
import { computeDue } from './compute-due.js'
import { SlaError } from './sla.errors.js'
import {
  berlinOffice,
  berlinSplitShift,
  everyDay,
  sundays,
  utc,
  weekdays,
} from './sla.fixtures.test-helper.js'

// Winter dates in Berlin are CET (UTC+1): 2026-01-05 is a Monday.
describe('computeDue on a Berlin mon–fri 09:00–17:00 calendar', () => {
  it.each([
    ['within a day: Mon 10:00 CET + 60', '2026-01-05T09:00:00Z', 60, '2026-01-05T10:00:00Z'],
    [
      'exactly at closing: Mon 15:00 + 120 → 17:00, not Tue 09:00',
      '2026-01-05T14:00:00Z',
      120,
      '2026-01-05T16:00:00Z',
    ],
    ['over night: Mon 16:00 + 120 → Tue 10:00', '2026-01-05T15:00:00Z', 120, '2026-01-06T09:00:00Z'],
    ['over a weekend: Fri 16:30 + 60 → Mon 09:30', '2026-01-09T15:30:00Z', 60, '2026-01-12T08:30:00Z'],
    ['start before opening: Mon 07:00 + 30 → 09:30', '2026-01-05T06:00:00Z', 30, '2026-01-05T08:30:00Z'],
    ['start after closing: Mon 18:00 + 30 → Tue 09:30', '2026-01-05T17:00:00Z', 30, '2026-01-06T08:30:00Z'],
    ['start at closing: Mon 17:00 + 30 → Tue 09:30', '2026-01-05T16:00:00Z', 30, '2026-01-06T08:30:00Z'],
    ['start on a weekend: Sat 13:00 + 480 → Mon 17:00', '2026-01-10T12:00:00Z', 480, '2026-01-12T16:00:00Z'],
    [
      'start on a holiday: Fri 25 Dec 10:00 + 60 → Mon 28 Dec 10:00',
      '2026-12-25T09:00:00Z',
      60,
      '2026-12-28T09:00:00Z',
    ],
    [
      'holiday in between: Thu 24 Dec 16:00 + 120 → Mon 28 Dec 10:00',
      '2026-12-24T15:00:00Z',
      120,
      '2026-12-28T09:00:00Z',
    ],
    [
      'two weeks: Mon 09:00 + 10 × 480 → Fri 17:00 of the next week',
      '2026-01-05T08:00:00Z',
      4800,
      '2026-01-16T16:00:00Z',
    ],
    // The example: 30 min on Friday (CET), DST starts Sunday, Monday 09:00 CEST = 07:00Z + 90.
    ['across spring-forward (issue example)', '2026-03-27T15:30:00Z', 120, '2026-03-30T08:30:00Z'],
    // Fri 23 Oct 16:00 CEST = 14:00Z; 60 min left; DST ends Sunday; Mon 09:00 CET = 08:00Z + 60.
    ['across fall-back', '2026-10-23T14:00:00Z', 120, '2026-10-26T09:00:00Z'],
  ])('%s', (_, start, minutes, due) => {
    expect(computeDue(berlinOffice, utc(start), minutes).toISOString()).toBe(utc(due).toISOString())
  })

  it('keeps sub-minute precision of the start and of fractional targets', () => {
    expect(computeDue(berlinOffice, utc('2026-01-05T09:00:00.250Z'), 0.5).toISOString()).toBe(
      '2026-01-05T09:00:30.250Z',
    )
  })

  it('is due at the start for a zero target, even outside hours', () => {
    expect(computeDue(berlinOffice, utc('2026-01-10T12:00:00Z'), 0).toISOString()).toBe(
      '2026-01-10T12:00:00.000Z',
    )
  })

  it('rejects negative or non-finite targets and invalid dates', () => {
    expect(() => computeDue(berlinOffice, utc('2026-01-05T09:00:00Z'), -1)).toThrow(SlaError)
    expect(() => computeDue(berlinOffice, utc('2026-01-05T09:00:00Z'), Number.NaN)).toThrow(SlaError)
    expect(() => computeDue(berlinOffice, new Date('nope'), 10)).toThrow(SlaError)
  })
})

describe('computeDue on split shifts (08:00–12:00, 13:00–17:00 CET)', () => {
  it.each([
    ['Mon 11:00 + 90 → 13:30 (lunch skipped)', '2026-01-05T10:00:00Z', 90, '2026-01-05T12:30:00Z'],
    ['start in the lunch break: 12:30 + 30 → 13:30', '2026-01-05T11:30:00Z', 30, '2026-01-05T12:30:00Z'],
    [
      'exactly at the end of the morning shift: 11:00 + 60 → 12:00',
      '2026-01-05T10:00:00Z',
      60,
      '2026-01-05T11:00:00Z',
    ],
    ['Mon 16:00 + 360 → Tue 08:00 + 300 → Tue 14:00', '2026-01-05T15:00:00Z', 360, '2026-01-06T13:00:00Z'],
  ])('%s', (_, start, minutes, due) => {
    expect(computeDue(berlinSplitShift, utc(start), minutes).toISOString()).toBe(utc(due).toISOString())
  })
})

describe('computeDue with the clock paused', () => {
  const monday9 = utc('2026-01-05T08:00:00Z') // 09:00 CET

  it('does not count a pause inside open hours: 60 min, pause 10:00–13:00, 60 min → 14:00 CET', () => {
    const pauses = [{ from: utc('2026-01-05T09:00:00Z'), to: utc('2026-01-05T12:00:00Z') }]
    expect(computeDue(berlinOffice, monday9, 120, { pauses }).toISOString()).toBe('2026-01-05T13:00:00.000Z')
  })

  it('merges overlapping pauses and ignores empty ones', () => {
    const pauses = [
      { from: utc('2026-01-05T10:00:00Z'), to: utc('2026-01-05T12:00:00Z') },
      { from: utc('2026-01-05T09:00:00Z'), to: utc('2026-01-05T11:00:00Z') },
      { from: utc('2026-01-05T08:10:00Z'), to: utc('2026-01-05T08:10:00Z') },
    ]
    expect(computeDue(berlinOffice, monday9, 120, { pauses }).toISOString()).toBe('2026-01-05T13:00:00.000Z')
  })

  it('pauses across days: 30 min Mon, paused until Wed 11:00 CET, 30 min → Wed 11:30 CET', () => {
    const pauses = [{ from: utc('2026-01-05T08:30:00Z'), to: utc('2026-01-07T10:00:00Z') }]
    expect(computeDue(berlinOffice, monday9, 60, { pauses }).toISOString()).toBe('2026-01-07T10:30:00.000Z')
  })

  it('is due when a pause begins if the target is met right then', () => {
    const pauses = [{ from: utc('2026-01-05T09:00:00Z'), to: utc('2026-01-05T12:00:00Z') }]
    expect(computeDue(berlinOffice, monday9, 60, { pauses }).toISOString()).toBe('2026-01-05T09:00:00.000Z')
  })

  it('jumps over a pause of several years without walking it', () => {
    const pauses = [{ from: monday9, to: utc('2030-01-07T08:00:00Z') }] // Mon 7 Jan 2030 09:00 CET
    const started = performance.now()
    expect(computeDue(berlinOffice, monday9, 60, { pauses }).toISOString()).toBe('2030-01-07T09:00:00.000Z')
    expect(performance.now() - started).toBeLessThan(50)
  })

  it('ignores pauses outside open hours', () => {
    const pauses = [{ from: utc('2026-01-05T17:00:00Z'), to: utc('2026-01-06T07:00:00Z') }]
    expect(computeDue(berlinOffice, utc('2026-01-05T15:00:00Z'), 120, { pauses }).toISOString()).toBe(
      '2026-01-06T09:00:00.000Z',
    )
  })
})

describe('computeDue on a 24/7 calendar equals continuous time', () => {
  const zones = [
    'Europe/Berlin',
    'America/New_York',
    'Australia/Adelaide',
    'Asia/Kolkata',
    'Australia/Lord_Howe',
  ]
  const starts = [
    '2026-03-28T20:00:00Z', // the night before Europe springs forward
    '2026-10-24T22:30:00.123Z', // the night before Europe falls back
    '2026-03-07T23:59:59Z', // the weekend America springs forward
    '2026-10-31T12:00:00Z', // the weekend America falls back
    '2026-04-04T10:00:00Z', // Adelaide falls back on 5 April
    '2026-10-03T10:00:00Z', // Adelaide springs forward on 4 October
  ]
  const minutes = [1, 59, 1440, 3000, 20_000]

  for (const [name, calendar] of zones.flatMap((zone) => [
    [`${zone} 00:00–24:00`, everyDay(zone, [['00:00', '24:00']])] as const,
    [
      `${zone} split at noon`,
      everyDay(zone, [
        ['00:00', '12:00'],
        ['12:00', '24:00'],
      ]),
    ] as const,
  ])) {
    it(name, () => {
      for (const start of starts) {
        for (const target of minutes) {
          const due = computeDue(calendar, utc(start), target)
          expect(due.getTime() - utc(start).getTime()).toBe(target * 60_000)
        }
      }
    })
  }
})

describe('computeDue across daylight-saving transitions', () => {
  it('Berlin spring-forward: Sunday 01:00–04:00 lasts 2 h; 01:00 CET + 90 → 01:30Z (03:30 CEST)', () => {
    const calendar = sundays('Europe/Berlin', [['01:00', '04:00']])
    expect(computeDue(calendar, utc('2026-03-29T00:00:00Z'), 90).toISOString()).toBe(
      '2026-03-29T01:30:00.000Z',
    )
    // 120 min fill the shortened range exactly: due at 04:00 CEST = 02:00Z, not next Sunday.
    expect(computeDue(calendar, utc('2026-03-29T00:00:00Z'), 120).toISOString()).toBe(
      '2026-03-29T02:00:00.000Z',
    )
  })

  it('Berlin spring-forward: a range starting in the gap (02:30) opens at 03:00 CEST = 01:00Z', () => {
    const calendar = sundays('Europe/Berlin', [['02:30', '05:00']])
    expect(computeDue(calendar, utc('2026-03-28T23:00:00Z'), 10).toISOString()).toBe(
      '2026-03-29T01:10:00.000Z',
    )
  })

  it('Berlin spring-forward: a range wholly inside the gap has no time and defers to the next Sunday', () => {
    const calendar = sundays('Europe/Berlin', [['02:15', '02:45']])
    // Next Sunday 5 April 02:15 CEST = 00:15Z.
    expect(computeDue(calendar, utc('2026-03-29T00:00:00Z'), 10).toISOString()).toBe(
      '2026-04-05T00:25:00.000Z',
    )
  })

  it('Berlin fall-back: Sunday 01:00–04:00 lasts 4 h; it stays open through the repeated hour', () => {
    const calendar = sundays('Europe/Berlin', [['01:00', '04:00']])
    // 01:00 CEST = 23:00Z Sat; 240 min later = 03:00Z = 04:00 CET.
    expect(computeDue(calendar, utc('2026-10-24T23:00:00Z'), 240).toISOString()).toBe(
      '2026-10-25T03:00:00.000Z',
    )
  })

  it('Berlin fall-back: a repeated boundary (02:30) means its first occurrence', () => {
    // 02:30 CEST = 00:30Z; 05:00 CET = 04:00Z: 210 min.
    const calendar = sundays('Europe/Berlin', [['02:30', '05:00']])
    expect(computeDue(calendar, utc('2026-10-25T00:00:00Z'), 210).toISOString()).toBe(
      '2026-10-25T04:00:00.000Z',
    )
  })

  it('New York spring-forward (8 March): Sunday 01:30–02:30 lasts 30 min (02:30 → 03:00 EDT)', () => {
    const calendar = sundays('America/New_York', [['01:30', '02:30']])
    // 01:30 EST = 06:30Z; +30 = 07:00Z = 03:00 EDT, the end of the range.
    expect(computeDue(calendar, utc('2026-03-08T05:00:00Z'), 30).toISOString()).toBe(
      '2026-03-08T07:00:00.000Z',
    )
  })

  it('New York fall-back (1 November): Sunday 01:30–02:30 lasts 2 h through the repeated 01:00 hour', () => {
    const calendar = sundays('America/New_York', [['01:30', '02:30']])
    // Opens 01:30 EDT = 05:30Z; +90 = 07:00Z = 02:00 EST; closes 02:30 EST = 07:30Z.
    expect(computeDue(calendar, utc('2026-11-01T05:00:00Z'), 90).toISOString()).toBe(
      '2026-11-01T07:00:00.000Z',
    )
    expect(computeDue(calendar, utc('2026-11-01T05:00:00Z'), 120).toISOString()).toBe(
      '2026-11-01T07:30:00.000Z',
    )
  })

  it('New York office across spring-forward: Fri 16:00 EST + 120 → Mon 10:00 EDT', () => {
    const calendar = weekdays('America/New_York', [['09:00', '17:00']])
    // Fri 6 March 16:00 EST = 21:00Z; Mon 9 March 09:00 EDT = 13:00Z + 60.
    expect(computeDue(calendar, utc('2026-03-06T21:00:00Z'), 120).toISOString()).toBe(
      '2026-03-09T14:00:00.000Z',
    )
  })

  it('Adelaide (+10:30 → +9:30 on 5 April): Fri 16:00 ACDT + 120 → Mon 10:00 ACST', () => {
    const calendar = weekdays('Australia/Adelaide', [['09:00', '17:00']])
    // Fri 3 April 16:00 ACDT = 05:30Z; Mon 6 April 09:00 ACST = 5 April 23:30Z + 60.
    expect(computeDue(calendar, utc('2026-04-03T05:30:00Z'), 120).toISOString()).toBe(
      '2026-04-06T00:30:00.000Z',
    )
  })

  it('Kolkata (+5:30, no DST): Mon 17:30 IST + 60 → Tue 09:30 IST', () => {
    const calendar = weekdays('Asia/Kolkata', [['09:00', '18:00']])
    // Mon 17:30 IST = 12:00Z; 30 min; Tue 09:00 IST = 03:30Z + 30.
    expect(computeDue(calendar, utc('2026-01-05T12:00:00Z'), 60).toISOString()).toBe(
      '2026-01-06T04:00:00.000Z',
    )
  })
})

describe('computeDue rejects calendars it cannot serve', () => {
  it('throws INVALID_CALENDAR for an empty week instead of looping', () => {
    const calendar = { timezone: 'Europe/Berlin', hours: { mon: [] } }
    expect(() => computeDue(calendar, utc('2026-01-05T08:00:00Z'), 60)).toThrow(
      expect.objectContaining({ code: 'INVALID_CALENDAR' }),
    )
  })

  it('throws INVALID_CALENDAR for an unknown zone', () => {
    const calendar = { ...berlinOffice, timezone: 'Mars/Olympus_Mons' }
    expect(() => computeDue(calendar, utc('2026-01-05T08:00:00Z'), 60)).toThrow(SlaError)
  })
})
