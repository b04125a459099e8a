const QUARTER = 15 * 60_000

/** The hour (0–23) on the wall clock of `timeZone` at `at`. */
export function localHour(at: Date, timeZone: string): number {
  try {
    const h = new Intl.DateTimeFormat('en-GB', { hour: 'numeric', hourCycle: 'h23', timeZone }).format(at)
    return Number(h)
  } catch {
    return at.getUTCHours()
  }
}

/** Quiet from `start` up to (not including) `end`, wrapping midnight; start = end means never quiet. */
export function isQuietHour(hour: number, start: number, end: number): boolean {
  if (start === end) return false
  return start < end ? hour >= start && hour < end : hour >= start || hour < end
}

/**
 * The first instant at or after `now` outside the quiet hours in the customer's time zone. Steps in
 * quarter hours from the next quarter boundary, so zones offset by :30 or :45 land right too.
 */
export function nextSendableInstant(now: Date, timeZone: string, start: number, end: number): Date {
  if (!isQuietHour(localHour(now, timeZone), start, end)) return now
  let t = Math.ceil(now.getTime() / QUARTER) * QUARTER
  for (let i = 0; i < 24 * 4 + 1; i++, t += QUARTER) {
    if (!isQuietHour(localHour(new Date(t), timeZone), start, end)) return new Date(t)
  }
  return now
}
