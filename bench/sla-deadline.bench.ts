import { DateTime } from 'luxon'
import { type BusinessCalendar, computeDue, WEEKDAYS } from '../src/modules/service/sla/index.js'

// How long a 30-business-day deadline takes on a realistic calendar, against the obvious
// minute-stepping loop (measured in the same run, so the speed-up is like for like).

type Figure = { name: string; value: number; unit: string; target?: number; baseline?: number }

const shifts: Array<[string, string]> = [
  ['08:00', '12:00'],
  ['13:00', '17:00'],
]
const calendar: BusinessCalendar = {
  timezone: 'Europe/Berlin',
  hours: { mon: shifts, tue: shifts, wed: shifts, thu: shifts, fri: shifts },
  // German public holidays 2026–2027 (nationwide ones).
  holidays: [
    '2026-01-01',
    '2026-04-03',
    '2026-04-06',
    '2026-05-01',
    '2026-05-14',
    '2026-05-25',
    '2026-10-03',
    '2026-12-25',
    '2026-12-26',
    '2027-01-01',
    '2027-03-26',
    '2027-03-29',
    '2027-05-01',
    '2027-05-06',
    '2027-05-17',
    '2027-10-03',
    '2027-12-25',
    '2027-12-26',
  ],
}
const MINUTES = 30 * 8 * 60 // 30 business days of 8 hours
const CALLS = 10_000
const BASELINE_CALLS = 5
const FIRST_START = Date.parse('2026-01-05T07:13:00Z')
// Starts cycle through 2026 in steps of 877 minutes (whole minutes, as the minute-stepping baseline
// needs, and odd so all times of day, weekends, holidays and both DST changes are met).
const startOf = (i: number) => new Date(FIRST_START + (i % 600) * 877 * 60_000)

export default async function bench(): Promise<Figure[]> {
  const coldStarted = performance.now()
  computeDue(calendar, startOf(0), MINUTES)
  const cold = (performance.now() - coldStarted) * 1000

  for (let i = 0; i < 200; i++) computeDue(calendar, startOf(i), MINUTES) // JIT warm-up
  const samples = new Float64Array(CALLS)
  let sink = 0
  for (let i = 0; i < CALLS; i++) {
    const started = performance.now()
    sink += computeDue(calendar, startOf(i), MINUTES).getTime()
    samples[i] = (performance.now() - started) * 1000
  }

  const baselineStarted = performance.now()
  for (let i = 0; i < BASELINE_CALLS; i++) {
    const start = startOf(i * 97)
    const due = minuteSteppingDue(start, MINUTES)
    // The baseline is only a fair comparison if it computes the same deadline.
    if (due.getTime() !== computeDue(calendar, start, MINUTES).getTime()) {
      throw new Error(`baseline disagrees at ${start.toISOString()}`)
    }
    sink += due.getTime()
  }
  const baseline = ((performance.now() - baselineStarted) * 1000) / BASELINE_CALLS
  if (sink === 0) throw new Error('unreachable: keeps the results alive')

  samples.sort()
  const mean = samples.reduce((sum, value) => sum + value, 0) / CALLS
  const p99 = samples[Math.floor(CALLS * 0.99)]!
  return [
    {
      name: 'sla computeDue 30 business days, mean',
      value: round(mean),
      unit: 'µs',
      target: 1000,
      baseline: round(baseline),
    },
    { name: 'sla computeDue 30 business days, p99', value: round(p99), unit: 'µs', target: 1000 },
    {
      name: 'sla computeDue 30 business days, first call in process (zod compile, cold caches)',
      value: round(cold),
      unit: 'µs',
    },
    { name: 'sla minute-stepping baseline 30 business days, mean', value: round(baseline), unit: 'µs' },
  ]
}

// Checks every minute's wall time with luxon; correct away from DST transitions, which this
// calendar's hours (08:00–17:00) never meet.
function minuteSteppingDue(start: Date, minutes: number): Date {
  const toMinute = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5))
  let counted = 0
  for (let t = start.getTime(); ; t += 60_000) {
    const local = DateTime.fromMillis(t, { zone: calendar.timezone })
    const minute = local.hour * 60 + local.minute
    const ranges = calendar.hours[WEEKDAYS[local.weekday - 1]!] ?? []
    const open =
      !calendar.holidays?.includes(local.toISODate()!) &&
      ranges.some(([from, to]) => toMinute(from) <= minute && minute < toMinute(to))
    if (open && ++counted === minutes) return new Date(t + 60_000)
  }
}

function round(value: number): number {
  return Math.round(value * 10) / 10
}
