import { z } from 'zod'
import { CasePriority, type CaseUrgency, TierName } from '../cases/case.constants.js'

const Row = z.object({ low: CasePriority, medium: CasePriority, high: CasePriority, critical: CasePriority })

/**
 * Priority from value tier × urgency. Rows are tier names, plus `default` (a customer without a
 * tier, or with a tier the matrix does not name) and `internal` (requests from a department).
 */
export const PriorityMatrix = z
  .record(z.union([TierName, z.literal('default'), z.literal('internal')]), Row)
  .refine((m) => Object.keys(m).length <= 50, 'at most 50 rows')
export type PriorityMatrix = z.infer<typeof PriorityMatrix>

/** Best customers get the higher priority for the same urgency; nothing critical is ever low. */
export const DEFAULT_PRIORITY_MATRIX: PriorityMatrix = {
  platinum: { low: 'normal', medium: 'high', high: 'urgent', critical: 'urgent' },
  gold: { low: 'normal', medium: 'normal', high: 'high', critical: 'urgent' },
  silver: { low: 'low', medium: 'normal', high: 'high', critical: 'urgent' },
  bronze: { low: 'low', medium: 'low', high: 'normal', critical: 'high' },
  default: { low: 'low', medium: 'normal', high: 'high', critical: 'urgent' },
  internal: { low: 'low', medium: 'normal', high: 'high', critical: 'urgent' },
}

/**
 * Looks up a priority: the workspace matrix's row for the tier (or `internal`), else its
 * `default` row, else the built-in matrix the same way. A workspace matrix may be partial.
 */
export function derivePriority(
  matrix: PriorityMatrix,
  who: { requesterKind: 'customer' | 'internal'; tier: string | null },
  urgency: CaseUrgency,
): CasePriority {
  const key = who.requesterKind === 'internal' ? 'internal' : (who.tier ?? 'default')
  for (const m of [matrix, DEFAULT_PRIORITY_MATRIX]) {
    const row = m[key] ?? m.default
    if (row) return row[urgency]
  }
  return 'normal'
}
