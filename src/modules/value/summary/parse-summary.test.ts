import { describe, expect, it } from 'vitest'
import { cdnowSummary, cdnowSummaryWithSpend } from '../models/cdnow.test-data.js'
import { parseSummaryCsv } from './parse-summary.js'

describe('parseSummaryCsv', () => {
  it('reads lifetimes’ layout (ID, frequency, recency, T)', () => {
    const s = cdnowSummary()
    expect(s.ids.length).toBe(2357)
    expect(s.monetary).toBeUndefined()
    expect([s.x[0], s.tx[0], s.T[0]]).toEqual([2, 30.43, 38.86])
  })

  it('reads Hardie’s layout with zbar, CRLF and no final newline', () => {
    const s = cdnowSummaryWithSpend()
    expect(s.ids.length).toBe(2357)
    expect(s.monetary![0]).toBe(22.35)
    expect(s.T[2356]).toBeGreaterThan(0)
    expect(parseSummaryCsv('customer_id,x,t_x,T\r\n7,1,2,3').x[0]).toBe(1)
  })

  it('rejects missing columns and impossible rows', () => {
    expect(() => parseSummaryCsv('ID,frequency,T\n1,0,3')).toThrow(/no recency column/)
    expect(() => parseSummaryCsv('ID,frequency,recency,T\n1,1,5,3')).toThrow(/exceeds T/)
    expect(() => parseSummaryCsv('ID,frequency,recency,T\n1,one,0,3')).toThrow(/invalid frequency/)
  })
})
