import type { BusinessCalendar } from './business-calendar.js'

// Calendars shared by the tests; times in the comments of each test are worked out by hand.

type Ranges = Array<[string, string]>

export function weekdays(timezone: string, ranges: Ranges, holidays: string[] = []): BusinessCalendar {
  return { timezone, hours: { mon: ranges, tue: ranges, wed: ranges, thu: ranges, fri: ranges }, holidays }
}

export function everyDay(timezone: string, ranges: Ranges): BusinessCalendar {
  const hours = { mon: ranges, tue: ranges, wed: ranges, thu: ranges, fri: ranges, sat: ranges, sun: ranges }
  return { timezone, hours }
}

export function sundays(timezone: string, ranges: Ranges): BusinessCalendar {
  return { timezone, hours: { sun: ranges } }
}

export const berlinOffice = weekdays('Europe/Berlin', [['09:00', '17:00']], ['2026-12-25'])
export const berlinSplitShift = weekdays('Europe/Berlin', [
  ['08:00', '12:00'],
  ['13:00', '17:00'],
])

export const utc = (iso: string) => new Date(iso)
