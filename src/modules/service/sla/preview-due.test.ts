import { describe, expect, it } from 'vitest'
import { previewDue, SlaPreviewInput } from './preview-due.js'
import { weekdays } from './sla.fixtures.test-helper.js'

const issueCalendar = weekdays('Europe/Berlin', [['09:00', '17:00']], ['2026-12-25'])

describe('previewDue', () => {
  it("answers the issue's example", () => {
    const input = SlaPreviewInput.parse({
      calendar: issueCalendar,
      start: '2026-03-27T15:30:00Z',
      minutes: 120,
    })
    expect(previewDue(input)).toEqual({ due: '2026-03-30T08:30:00Z' })
  })

  it('accepts a start with an offset and rounds the due instant up to whole seconds', () => {
    // 10:00:00.400 CET = 09:00:00.400Z; + 1 min = 09:01:00.400Z → 09:01:01Z.
    const input = SlaPreviewInput.parse({
      calendar: issueCalendar,
      start: '2026-01-05T10:00:00.400+01:00',
      minutes: 1,
    })
    expect(previewDue(input)).toEqual({ due: '2026-01-05T09:01:01Z' })
  })

  it.each([
    ['zero minutes', { minutes: 0 }],
    ['fractional minutes', { minutes: 1.5 }],
    ['more than a leap year of minutes', { minutes: 60 * 24 * 366 + 1 }],
    ['a start without a zone', { start: '2026-03-27T15:30:00' }],
    ['a start that is no date', { start: 'tomorrow' }],
  ])('rejects %s', (_, override) => {
    const input = { calendar: issueCalendar, start: '2026-03-27T15:30:00Z', minutes: 120, ...override }
    expect(SlaPreviewInput.safeParse(input).success).toBe(false)
  })

  it('accepts the maximum target', () => {
    const input = { calendar: issueCalendar, start: '2026-03-27T15:30:00Z', minutes: 60 * 24 * 366 }
    expect(SlaPreviewInput.safeParse(input).success).toBe(true)
  })
})
