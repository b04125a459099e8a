import { z } from 'zod'

export const CASE_CHANNELS = ['phone', 'email', 'chat', 'web_form', 'in_person', 'internal'] as const
export const CASE_STATUSES = [
  'new',
  'open',
  'waiting_on_customer',
  'waiting_on_third_party',
  'resolved',
  'closed',
] as const
/** Most to least pressing; the order is the queue's tie-break after the deadline. */
export const CASE_PRIORITIES = ['urgent', 'high', 'normal', 'low'] as const
export const CASE_URGENCIES = ['low', 'medium', 'high', 'critical'] as const
/** Statuses in which a case still needs work; resolved and closed cases leave the queues. */
export const UNRESOLVED_STATUSES = ['new', 'open', 'waiting_on_customer', 'waiting_on_third_party'] as const
/** Statuses a queue shows by default: the agent can act now (the index covers exactly these). */
export const ACTIONABLE_STATUSES = ['new', 'open'] as const

export const CaseChannel = z.enum(CASE_CHANNELS)
export const CaseStatus = z.enum(CASE_STATUSES)
export const CasePriority = z.enum(CASE_PRIORITIES)
export const CaseUrgency = z.enum(CASE_URGENCIES)
export type CaseChannel = z.infer<typeof CaseChannel>
export type CaseStatus = z.infer<typeof CaseStatus>
export type CasePriority = z.infer<typeof CasePriority>
export type CaseUrgency = z.infer<typeof CaseUrgency>

export const Category = z
  .string()
  .trim()
  .min(1)
  .max(60)
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} _./&-]*$/u, 'letters, digits, spaces and _ . / & -')
export const Tag = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[\p{L}\p{N}][\p{L}\p{N}_.:-]*$/u, 'letters, digits and _ . : -')
export const TierName = z.string().trim().min(1).max(40)

/** One step up: a breach or an override that escalates moves a case this way. */
export function bumpPriority(priority: CasePriority): CasePriority {
  const i = CASE_PRIORITIES.indexOf(priority)
  return CASE_PRIORITIES[Math.max(0, i - 1)] ?? priority
}
