import { describe, expect, it } from 'vitest'
import { isQuietHour, localHour, nextSendableInstant } from './quiet-hours.js'

describe('quiet hours', () => {
  it('wraps midnight and treats equal bounds as no quiet hours', () => {
    expect([20, 21, 23, 0, 7, 8].map((h) => isQuietHour(h, 21, 8))).toEqual([
      false,
      true,
      true,
      true,
      true,
      false,
    ])
    expect(isQuietHour(3, 8, 8)).toBe(false)
    expect([12, 13, 14].map((h) => isQuietHour(h, 13, 14))).toEqual([false, true, false])
  })

  it("reads the hour in the customer's time zone", () => {
    // 22:30 UTC is 07:30 next morning in Tokyo (UTC+9) and 23:30 in Berlin (CET, UTC+1 in January).
    const at = new Date('2026-01-15T22:30:00Z')
    expect(localHour(at, 'Asia/Tokyo')).toBe(7)
    expect(localHour(at, 'Europe/Berlin')).toBe(23)
  })

  it('moves a send out of the quiet hours to the local end of them', () => {
    const at = new Date('2026-01-15T22:30:00Z')
    // Tokyo: quiet until 08:00 local = 23:00 UTC.
    expect(nextSendableInstant(at, 'Asia/Tokyo', 21, 8).toISOString()).toBe('2026-01-15T23:00:00.000Z')
    // Berlin: quiet until 08:00 local = 07:00 UTC next day.
    expect(nextSendableInstant(at, 'Europe/Berlin', 21, 8).toISOString()).toBe('2026-01-16T07:00:00.000Z')
    // Kolkata (UTC+5:30): 22:30 UTC is 04:00 local; 08:00 local is 02:30 UTC.
    expect(nextSendableInstant(at, 'Asia/Kolkata', 21, 8).toISOString()).toBe('2026-01-16T02:30:00.000Z')
    // New York: 17:30 local, not quiet: now.
    expect(nextSendableInstant(at, 'America/New_York', 21, 8)).toBe(at)
  })
})
