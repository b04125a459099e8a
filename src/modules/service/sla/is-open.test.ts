import { describe, expect, it } from 'vitest'
import { isOpen } from './is-open.js'
import { berlinOffice, everyDay, sundays, utc } from './sla.fixtures.test-helper.js'

describe('isOpen', () => {
  it('treats ranges as [start, end): open at 09:00, closed at 17:00 (CET)', () => {
    expect(isOpen(berlinOffice, utc('2026-01-05T07:59:59.999Z'))).toBe(false)
    expect(isOpen(berlinOffice, utc('2026-01-05T08:00:00Z'))).toBe(true)
    expect(isOpen(berlinOffice, utc('2026-01-05T15:59:59.999Z'))).toBe(true)
    expect(isOpen(berlinOffice, utc('2026-01-05T16:00:00Z'))).toBe(false)
  })

  it('is closed on weekends and holidays', () => {
    expect(isOpen(berlinOffice, utc('2026-01-10T10:00:00Z'))).toBe(false)
    expect(isOpen(berlinOffice, utc('2026-12-25T10:00:00Z'))).toBe(false)
  })

  it('is always open on a 24/7 calendar, including Sunday 24:00 = Monday 00:00 and DST nights', () => {
    const calendar = everyDay('Europe/Berlin', [['00:00', '24:00']])
    for (const at of [
      '2026-01-04T23:00:00Z',
      '2026-03-29T01:00:00Z',
      '2026-10-25T00:30:00Z',
      '2026-10-25T01:30:00Z',
    ]) {
      expect(isOpen(calendar, utc(at))).toBe(true)
    }
  })

  it('stays open through the repeated hour of a fall-back (Berlin Sunday 01:00–04:00)', () => {
    const calendar = sundays('Europe/Berlin', [['01:00', '04:00']])
    expect(isOpen(calendar, utc('2026-10-25T00:30:00Z'))).toBe(true) // 02:30 CEST
    expect(isOpen(calendar, utc('2026-10-25T01:30:00Z'))).toBe(true) // 02:30 CET
    expect(isOpen(calendar, utc('2026-10-25T03:00:00Z'))).toBe(false) // 04:00 CET
  })
})
