import { describe, expect, it } from 'vitest'
import { nextOpenInstant } from './next-open-instant.js'
import { berlinOffice, berlinSplitShift, sundays, utc } from './sla.fixtures.test-helper.js'

describe('nextOpenInstant', () => {
  it.each([
    ['open now → now', berlinOffice, '2026-01-05T10:17:00Z', '2026-01-05T10:17:00Z'],
    ['before opening → 09:00 CET', berlinOffice, '2026-01-05T06:00:00Z', '2026-01-05T08:00:00Z'],
    ['at closing → next morning', berlinOffice, '2026-01-05T16:00:00Z', '2026-01-06T08:00:00Z'],
    [
      'Saturday → Monday 09:00 CEST after spring-forward',
      berlinOffice,
      '2026-03-28T10:00:00Z',
      '2026-03-30T07:00:00Z',
    ],
    ['Christmas Day (Friday) → Monday 28 Dec', berlinOffice, '2026-12-25T10:00:00Z', '2026-12-28T08:00:00Z'],
    ['lunch break → 13:00 CET', berlinSplitShift, '2026-01-05T11:30:00Z', '2026-01-05T12:00:00Z'],
    // Sunday 02:30–05:00 on the spring-forward day opens at the end of the gap: 03:00 CEST = 01:00Z.
    [
      'opening inside a DST gap',
      sundays('Europe/Berlin', [['02:30', '05:00']]),
      '2026-03-29T00:00:00Z',
      '2026-03-29T01:00:00Z',
    ],
  ])('%s', (_, calendar, at, expected) => {
    expect(nextOpenInstant(calendar, utc(at)).toISOString()).toBe(utc(expected).toISOString())
  })
})
