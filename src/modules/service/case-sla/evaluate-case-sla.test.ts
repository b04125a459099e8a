import { describe, expect, it } from 'vitest'
import type { BusinessCalendar } from '../sla/business-calendar.js'
import { type CaseSlaInput, evaluateCaseSla, metTarget } from './evaluate-case-sla.js'

// Expected instants below are worked out by hand from the calendars (comments show the sums).
const weekdays: [string, string][] = [['09:00', '17:00']]
const utcOffice: BusinessCalendar = {
  timezone: 'UTC',
  hours: { mon: weekdays, tue: weekdays, wed: weekdays, thu: weekdays, fri: weekdays },
}
const d = (iso: string) => new Date(iso)
// 2026-01-05 is a Monday.
const base: CaseSlaInput = {
  calendar: utcOffice,
  targets: { firstResponse: 60, nextResponse: 120, resolution: 480 },
  warningPercent: 80,
  openedAt: d('2026-01-05T10:00:00Z'),
  pauses: [],
  pausedSince: null,
  firstRespondedAt: null,
  nextResponseStartedAt: null,
  nextResponses: 0,
  resolvedAt: null,
  stopped: false,
  warned: [],
  breached: [],
}

describe('evaluateCaseSla', () => {
  it('computes due times on business hours and looks again at the first warning', () => {
    const s = evaluateCaseSla(base, d('2026-01-05T10:30:00Z'))
    expect(s.firstResponseDueAt).toEqual(d('2026-01-05T11:00:00Z')) // 10:00 + 60 min
    // 480 min: Monday 10:00–17:00 is 420, the last 60 on Tuesday from 09:00.
    expect(s.resolutionDueAt).toEqual(d('2026-01-06T10:00:00Z'))
    expect(s.nextDueAt).toEqual(d('2026-01-05T11:00:00Z'))
    // Warning at 80 % of 60 min = 48 min after opening.
    expect(s.checkAt).toEqual(d('2026-01-05T10:48:00Z'))
    expect(s.newlyWarned).toEqual([])
    expect(s.newlyBreached).toEqual([])
  })

  it('raises a warning once, then a breach at the due time, then looks at the next clock', () => {
    const warnedNow = evaluateCaseSla(base, d('2026-01-05T10:50:00Z'))
    expect(warnedNow.newlyWarned.map((w) => w.key)).toEqual(['first_response'])
    expect(warnedNow.checkAt).toEqual(d('2026-01-05T11:00:00Z'))
    const again = evaluateCaseSla({ ...base, warned: warnedNow.warned }, d('2026-01-05T10:55:00Z'))
    expect(again.newlyWarned).toEqual([])
    // Exactly at the due time the target is spent: breached.
    const breached = evaluateCaseSla({ ...base, warned: warnedNow.warned }, d('2026-01-05T11:00:00Z'))
    expect(breached.newlyBreached).toEqual([
      { key: 'first_response', clock: 'first_response', dueAt: d('2026-01-05T11:00:00Z') },
    ])
    // Resolution warning: 80 % of 480 = 384 min = 6 h 24 min after Monday 10:00.
    expect(breached.checkAt).toEqual(d('2026-01-05T16:24:00Z'))
    // A breached clock still orders the queue.
    expect(breached.nextDueAt).toEqual(d('2026-01-05T11:00:00Z'))
  })

  it('does not warn about a clock it reports as breached in the same look', () => {
    const s = evaluateCaseSla(base, d('2026-01-05T12:00:00Z'))
    expect(s.newlyBreached.map((b) => b.key)).toEqual(['first_response'])
    expect(s.newlyWarned).toEqual([])
  })

  it('has no due time while paused, and resumes with the business time left', () => {
    const paused = {
      ...base,
      firstRespondedAt: d('2026-01-05T10:10:00Z'),
      pausedSince: d('2026-01-05T10:30:00Z'),
    }
    const during = evaluateCaseSla(paused, d('2026-01-05T12:00:00Z'))
    expect(during.resolutionDueAt).toBeNull()
    expect(during.nextDueAt).toBeNull()
    expect(during.checkAt).toBeNull()
    // Paused Monday 10:30 to Tuesday 09:30: 30 min used before, 450 left from Tuesday 09:30,
    // which is all of Tuesday until 17:00: due exactly at closing time.
    const resumed = evaluateCaseSla(
      {
        ...paused,
        pausedSince: null,
        pauses: [{ from: d('2026-01-05T10:30:00Z'), to: d('2026-01-06T09:30:00Z') }],
      },
      d('2026-01-06T09:30:00Z'),
    )
    expect(resumed.resolutionDueAt).toEqual(d('2026-01-06T17:00:00Z'))
    // First response answered at 10:10 keeps its due time for the record.
    expect(resumed.firstResponseDueAt).toEqual(d('2026-01-05T11:00:00Z'))
  })

  it('runs the next-response clock from the customer message, keyed by cycle', () => {
    const s = evaluateCaseSla(
      {
        ...base,
        firstRespondedAt: d('2026-01-05T10:20:00Z'),
        nextResponseStartedAt: d('2026-01-05T13:00:00Z'),
        nextResponses: 2,
      },
      d('2026-01-05T13:00:00Z'),
    )
    expect(s.nextResponseDueAt).toEqual(d('2026-01-05T15:00:00Z')) // 13:00 + 120 min
    expect(s.nextDueAt).toEqual(d('2026-01-05T15:00:00Z'))
    const late = evaluateCaseSla(
      {
        ...base,
        firstRespondedAt: d('2026-01-05T10:20:00Z'),
        nextResponseStartedAt: d('2026-01-05T13:00:00Z'),
        nextResponses: 2,
      },
      d('2026-01-05T15:00:00Z'),
    )
    expect(late.newlyBreached.map((b) => b.key)).toEqual(['next_response:3'])
  })

  it('stops every clock when resolved and keeps their due times', () => {
    const s = evaluateCaseSla(
      {
        ...base,
        firstRespondedAt: d('2026-01-05T10:20:00Z'),
        resolvedAt: d('2026-01-05T12:00:00Z'),
        stopped: true,
      },
      d('2026-01-07T12:00:00Z'),
    )
    expect(s.resolutionDueAt).toEqual(d('2026-01-06T10:00:00Z'))
    expect(s.nextDueAt).toBeNull()
    expect(s.checkAt).toBeNull()
    expect(s.newlyBreached).toEqual([])
  })

  it('skips holidays and crosses a daylight-saving change in the calendar zone', () => {
    const s = evaluateCaseSla(
      {
        ...base,
        calendar: { ...utcOffice, holidays: ['2026-01-06'] },
        openedAt: d('2026-01-05T16:00:00Z'),
        targets: { firstResponse: 120, nextResponse: null, resolution: null },
      },
      d('2026-01-05T16:00:00Z'),
    )
    // 60 min on Monday 16:00–17:00, Tuesday is a holiday, the other 60 on Wednesday from 09:00.
    expect(s.firstResponseDueAt).toEqual(d('2026-01-07T10:00:00Z'))
    const berlin: BusinessCalendar = { timezone: 'Europe/Berlin', hours: { mon: weekdays, fri: weekdays } }
    const fri = evaluateCaseSla(
      {
        ...base,
        calendar: berlin,
        openedAt: d('2026-03-27T15:30:00Z'),
        targets: { firstResponse: 120, nextResponse: null, resolution: null },
      },
      d('2026-03-27T15:30:00Z'),
    )
    // Friday 16:30–17:00 CET is 30 min; Monday 09:00 CEST is 07:00Z, plus 90 min.
    expect(fri.firstResponseDueAt).toEqual(d('2026-03-30T08:30:00Z'))
  })

  it('has no clocks without targets', () => {
    const s = evaluateCaseSla({ ...base, targets: null }, d('2026-02-01T00:00:00Z'))
    expect([s.firstResponseDueAt, s.resolutionDueAt, s.nextDueAt, s.checkAt]).toEqual([
      null,
      null,
      null,
      null,
    ])
  })
})

describe('metTarget', () => {
  const clock = { key: 'first_response', start: base.openedAt, target: 60 }
  it('is met up to and including the due time', () => {
    expect(metTarget(base, clock, d('2026-01-05T11:00:00Z'))).toBe(true)
    expect(metTarget(base, clock, d('2026-01-05T11:00:01Z'))).toBe(false)
  })
  it('counts the pause in progress up to the answer', () => {
    // Paused from 10:30; answered Tuesday 09:10: 30 min before the pause, none during it.
    const paused = { ...base, pausedSince: d('2026-01-05T10:30:00Z') }
    expect(metTarget(paused, clock, d('2026-01-06T09:10:00Z'))).toBe(true)
  })
  it('is missed once reported as breached, and unknown without a target', () => {
    expect(metTarget({ ...base, breached: ['first_response'] }, clock, d('2026-01-05T10:01:00Z'))).toBe(false)
    expect(metTarget(base, { ...clock, target: null }, d('2026-01-05T10:01:00Z'))).toBeNull()
  })
})
