import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { cdnowFromLog, cdnowSummaryWithSpend, dataFile } from '../models/cdnow.test-data.js'
import { buildCustomerSummary } from './build-summary.js'
import { parseCdnowText, parseTransactionsCsv } from './parse-transactions.js'
import { ValueInputError } from './summary.errors.js'

describe('buildCustomerSummary', () => {
  it('rebuilds the published CDNOW summary from the raw sample log', () => {
    const built = cdnowFromLog()
    const published = cdnowSummaryWithSpend()
    expect(built.ids.length).toBe(2357)
    const row = new Map(built.ids.map((id, i) => [Number(id), i]))
    // The file holds values rounded to 2 dp (half-cents of zbar may round either way in binary).
    const near = (a: number, b: number) => Math.abs(a - b) <= 0.005 + 1e-9
    let mismatches = 0
    published.ids.forEach((id, j) => {
      const i = row.get(Number(id))!
      const same =
        built.x[i] === published.x[j] &&
        near(built.tx[i]!, published.tx[j]!) &&
        near(built.T[i]!, published.T[j]!) &&
        near(built.monetary[i]!, published.monetary![j]!)
      if (!same) mismatches++
    })
    expect(mismatches).toBe(0)
    expect(built.x.reduce((s, v) => s + v, 0)).toBe(2457)
  })

  it('counts the holdout and the weekly tracking data', () => {
    const s = cdnowFromLog()
    expect(s.origin).toBe('1997-01-01')
    expect(s.holdoutEnd).toBe('1998-06-30')
    expect(s.holdoutLength[0]).toBe(39)
    expect(s.repeatByPeriod.length).toBe(78)
    const repeats = s.repeatByPeriod.reduce((a, v) => a + v, 0)
    expect(repeats).toBe(2457 + s.holdoutPurchases.reduce((a, v) => a + v, 0))
    expect(Math.max(...s.birth)).toBeLessThan(13) // the cohort was acquired in the first quarter
  })

  it('parses the full CDNOW master log (header line, 4 columns)', () => {
    const log = parseCdnowText(readFileSync(dataFile('CDNOW_master.txt'), 'utf8'))
    expect(log.day.length).toBe(69_659)
    const s = buildCustomerSummary(log, { calibrationEnd: '19970930', unit: 'weeks' })
    expect(s.ids.length).toBe(23_570)
  })

  it('merges same-day purchases, excludes the first from spend and leaves out later customers', () => {
    const csv = [
      'customer_id,date,amount',
      'a,2024-01-01,10',
      'a,2024-01-08,5',
      'a,2024-01-08,7',
      'a,2024-01-15 10:00:00,20',
      'a,2024-02-10,99',
      'b,2024-01-20,3',
      'c,2024-02-01,8',
    ].join('\n')
    const s = buildCustomerSummary(parseTransactionsCsv(csv), { calibrationEnd: '2024-01-31', unit: 'days' })
    expect(s.ids).toEqual(['a', 'b'])
    expect(Array.from(s.x)).toEqual([2, 0])
    expect(Array.from(s.tx)).toEqual([14, 0])
    expect(Array.from(s.T)).toEqual([30, 11])
    expect(Array.from(s.monetary)).toEqual([16, 0])
    expect(Array.from(s.holdoutPurchases)).toEqual([1, 0])
    expect(s.holdoutLength[0]).toBe(10)
  })

  it('reads a CSV without an amount column (lifetimes’ example_transactions.csv)', () => {
    const log = parseTransactionsCsv(readFileSync(dataFile('example_transactions.csv'), 'utf8'))
    const s = buildCustomerSummary(log, { calibrationEnd: '2014-12-31', unit: 'days' })
    expect(s.ids.length).toBe(5000)
    expect(s.monetary.every((m) => m === 0)).toBe(true)
  })

  it('reports missing columns and bad dates', () => {
    expect(() => parseTransactionsCsv('who,date\n1,2024-01-01')).toThrow(ValueInputError)
    expect(() => parseTransactionsCsv('who,date\n1,2024-01-01')).toThrow(/no customer_id column/)
    expect(() => parseTransactionsCsv('id,date\n1,2024-13-01')).toThrow(/invalid date "2024-13-01"/)
    const log = parseTransactionsCsv('id,date\n1,2024-05-01')
    expect(() => buildCustomerSummary(log, { calibrationEnd: '2024-01-01', unit: 'days' })).toThrow(
      /no customer/,
    )
  })
})
