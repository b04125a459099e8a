import { describe, expect, it } from 'vitest'
import { BusinessCalendar } from './business-calendar.js'
import { berlinOffice, berlinSplitShift, everyDay } from './sla.fixtures.test-helper.js'

function issuesOf(input: unknown) {
  const result = BusinessCalendar.safeParse(input)
  expect(result.success).toBe(false)
  return result.error!.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }))
}

describe('BusinessCalendar schema', () => {
  it('accepts office hours, split shifts, 24/7 and missing weekdays (closed)', () => {
    expect(BusinessCalendar.safeParse(berlinOffice).success).toBe(true)
    expect(BusinessCalendar.safeParse(berlinSplitShift).success).toBe(true)
    expect(BusinessCalendar.safeParse(everyDay('Asia/Kolkata', [['00:00', '24:00']])).success).toBe(true)
    expect(
      BusinessCalendar.safeParse({ timezone: 'UTC', hours: { sat: [['10:00', '12:00']] } }).success,
    ).toBe(true)
  })

  it('accepts touching ranges (12:00 end, 12:00 start)', () => {
    const hours = {
      mon: [
        ['12:00', '24:00'],
        ['00:00', '12:00'],
      ],
    }
    expect(BusinessCalendar.safeParse({ timezone: 'UTC', hours }).success).toBe(true)
  })

  it('rejects an unknown time zone on `timezone`', () => {
    expect(issuesOf({ ...berlinOffice, timezone: 'Europe/Atlantis' })).toEqual([
      { path: 'timezone', message: 'unknown IANA time zone' },
    ])
  })

  it('rejects overlapping ranges, pointing at the later one', () => {
    const hours = {
      tue: [
        ['13:00', '17:00'],
        ['09:00', '13:30'],
      ],
    }
    expect(issuesOf({ timezone: 'UTC', hours })).toEqual([
      { path: 'hours.tue.0', message: 'range overlaps another range on tue' },
    ])
  })

  it.each([['25:00'], ['24:30'], ['9:00'], ['12:60'], ['noon']])('rejects the local time %s', (time) => {
    const [issue] = issuesOf({ timezone: 'UTC', hours: { mon: [['08:00', time]] } })
    expect(issue?.path).toBe('hours.mon.0.1')
  })

  it.each([
    ['equal', '10:00', '10:00'],
    ['reversed', '17:00', '09:00'],
    ['24:00 as start', '24:00', '24:00'],
  ])('rejects a range whose start is not before its end (%s)', (_, start, end) => {
    expect(issuesOf({ timezone: 'UTC', hours: { wed: [[start, end]] } })).toEqual([
      { path: 'hours.wed.0', message: 'range start must be before its end' },
    ])
  })

  it('rejects an empty week', () => {
    expect(issuesOf({ timezone: 'UTC', hours: { mon: [], sun: [] } })).toEqual([
      { path: 'hours', message: 'calendar has no open hours' },
    ])
  })

  it('rejects unknown weekday keys and impossible holiday dates', () => {
    expect(issuesOf({ timezone: 'UTC', hours: { mon: [['09:00', '17:00']], monday: [] } })[0]?.path).toBe(
      'hours',
    )
    expect(issuesOf({ ...berlinOffice, holidays: ['2026-02-30'] })[0]?.path).toBe('holidays.0')
  })
})
