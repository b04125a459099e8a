import type { HoldoutColumns, TrackingColumns } from '../models/index.js'
import { formatDay, parseDay } from './parse-date.js'
import type { TransactionColumns } from './parse-transactions.js'
import { ValueInputError } from './summary.errors.js'

export type TimeUnit = 'days' | 'weeks'

export interface SummaryOptions {
  /** last day of the calibration period, inclusive (YYYY-MM-DD or YYYYMMDD) */
  calibrationEnd: string
  unit: TimeUnit
  /** last day of the holdout period, inclusive; defaults to the last transaction day */
  holdoutEnd?: string
}

/** Calibration summary, holdout counts and tracking data for the customers acquired by the calibration end. */
export interface CustomerSummary extends HoldoutColumns, TrackingColumns {
  ids: string[]
  /** mean spend of the calibration repeat purchase days (same-day purchases summed), 0 when x = 0 */
  monetary: Float64Array
  unit: TimeUnit
  calibrationEnd: string
  holdoutEnd: string
  /** first day of the data: period 0 of `repeatByPeriod` and time 0 of `birth` */
  origin: string
}

/**
 * Builds the RFM summary the models need from a transaction log (FHL 2005 conventions): purchases
 * on the same day are one transaction; x = repeat purchase days up to the calibration end, t_x =
 * last − first purchase, T = calibration end − first purchase, all in `unit`. Customers whose first
 * purchase falls after the calibration end are left out: they are not part of the calibrated cohort.
 *
 * @example
 * const s = buildCustomerSummary(parseCdnowText(text), { calibrationEnd: '1997-09-30', unit: 'weeks' })
 */
export function buildCustomerSummary(log: TransactionColumns, options: SummaryOptions): CustomerSummary {
  const unitDays = options.unit === 'weeks' ? 7 : 1
  const calEnd = parseDay(options.calibrationEnd, ' (calibration end)')
  const n = log.day.length
  const index = new Map<string, number>()
  const cust = new Float64Array(n)
  let lastDay = Number.NEGATIVE_INFINITY
  let firstDay = Number.POSITIVE_INFINITY
  for (let i = 0; i < n; i++) {
    let c = index.get(log.customer[i]!)
    if (c === undefined) {
      c = index.size
      index.set(log.customer[i]!, c)
    }
    cust[i] = c
    lastDay = Math.max(lastDay, log.day[i]!)
    firstDay = Math.min(firstDay, log.day[i]!)
  }
  const holdoutEnd = options.holdoutEnd
    ? parseDay(options.holdoutEnd, ' (holdout end)')
    : Math.max(lastDay, calEnd)
  // Sort by (customer, day) on one numeric key: day offsets stay below 1e6, keys below 2^53.
  const key = Float64Array.from(cust, (c, i) => c * 1e6 + (log.day[i]! - firstDay))
  const order = Uint32Array.from({ length: n }, (_, i) => i).sort((a, b) => key[a]! - key[b]!)

  const ids: string[] = []
  const cols = {
    x: [] as number[],
    tx: [] as number[],
    T: [] as number[],
    m: [] as number[],
    h: [] as number[],
  }
  const firsts: number[] = []
  const repeatDays: number[] = []
  let i = 0
  while (i < n) {
    const c = cust[order[i]!]!
    const first = log.day[order[i]!]!
    let x = 0
    let last = first
    let spend = 0
    let holdout = 0
    let day = first
    while (i < n && cust[order[i]!] === c) {
      day = log.day[order[i]!]!
      let amount = 0
      while (i < n && cust[order[i]!] === c && log.day[order[i]!] === day) amount += log.amount[order[i++]!]!
      if (day === first || first > calEnd || day > holdoutEnd) continue
      repeatDays.push(day)
      if (day <= calEnd) {
        x++
        last = day
        spend += amount
      } else holdout++
    }
    if (first > calEnd) continue
    ids.push(log.customer[order[i - 1]!]!)
    firsts.push(first)
    cols.x.push(x)
    cols.tx.push((last - first) / unitDays)
    cols.T.push((calEnd - first) / unitDays)
    cols.m.push(x > 0 ? spend / x : 0)
    cols.h.push(holdout)
  }
  if (ids.length === 0) {
    throw new ValueInputError('NO_CUSTOMERS', `no customer made a first purchase by ${formatDay(calEnd)}`)
  }
  const origin = Math.min(...firsts)
  const periods = Math.ceil((holdoutEnd - origin + 1) / unitDays)
  const repeatByPeriod = new Float64Array(periods)
  for (const d of repeatDays) {
    const k = Math.floor((d - origin) / unitDays)
    repeatByPeriod[k] = repeatByPeriod[k]! + 1
  }
  const holdoutLength = (holdoutEnd - calEnd) / unitDays
  return {
    ids,
    x: Float64Array.from(cols.x),
    tx: Float64Array.from(cols.tx),
    T: Float64Array.from(cols.T),
    monetary: Float64Array.from(cols.m),
    holdoutPurchases: Float64Array.from(cols.h),
    holdoutLength: new Float64Array(ids.length).fill(holdoutLength),
    birth: Float64Array.from(firsts, (f) => (f - origin) / unitDays),
    repeatByPeriod,
    unit: options.unit,
    calibrationEnd: formatDay(calEnd),
    holdoutEnd: formatDay(holdoutEnd),
    origin: formatDay(origin),
  }
}
