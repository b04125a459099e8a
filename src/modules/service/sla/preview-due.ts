import { z } from 'zod'
import { BusinessCalendar } from './business-calendar.js'
import { computeDue } from './compute-due.js'

/** A year (leap) of round-the-clock minutes: far beyond any real SLA, small enough to stay cheap. */
const MAX_MINUTES = 60 * 24 * 366

/** Body of an SLA preview: a calendar, an ISO start with `Z` or an offset, and a target in whole minutes. */
export const SlaPreviewInput = z.object({
  calendar: BusinessCalendar,
  start: z.iso.datetime({ offset: true }),
  minutes: z.number().int().positive().max(MAX_MINUTES),
})

export type SlaPreviewInput = z.infer<typeof SlaPreviewInput>

/** Answer of {@link previewDue}. */
export interface SlaPreview {
  due: string
}

/**
 * Due instant as ISO UTC with whole seconds, e.g. `{ due: '2026-03-30T08:30:00Z' }`.
 *
 * @example
 * previewDue({ calendar: berlinOfficeHours, start: '2026-03-27T15:30:00Z', minutes: 120 })
 * // → { due: '2026-03-30T08:30:00Z' }
 */
export function previewDue(input: SlaPreviewInput): SlaPreview {
  const due = computeDue(input.calendar, new Date(input.start), input.minutes)
  // Round up: a deadline shown a fraction early would claim a breach before the target is spent.
  const seconds = Math.ceil(due.getTime() / 1000)
  return { due: new Date(seconds * 1000).toISOString().replace('.000Z', 'Z') }
}
