import { describe, expect, it } from 'vitest'
import { DEFAULT_PRIORITY_MATRIX, derivePriority } from './priority-matrix.js'

describe('derivePriority', () => {
  it('reads tier × urgency from the workspace matrix', () => {
    const matrix = { vip: { low: 'high', medium: 'urgent', high: 'urgent', critical: 'urgent' } } as const
    expect(derivePriority(matrix, { requesterKind: 'customer', tier: 'vip' }, 'low')).toBe('high')
  })
  it("falls back to the workspace's default row, then to the built-in matrix", () => {
    const matrix = { default: { low: 'low', medium: 'low', high: 'low', critical: 'high' } } as const
    expect(derivePriority(matrix, { requesterKind: 'customer', tier: 'unknown' }, 'high')).toBe('low')
    expect(derivePriority({}, { requesterKind: 'customer', tier: 'platinum' }, 'medium')).toBe('high')
    expect(derivePriority({}, { requesterKind: 'customer', tier: 'bronze' }, 'medium')).toBe('low')
    expect(derivePriority({}, { requesterKind: 'customer', tier: null }, 'critical')).toBe('urgent')
  })
  it('uses the internal row for departments whatever the tier', () => {
    const matrix = { internal: { low: 'low', medium: 'low', high: 'normal', critical: 'high' } } as const
    expect(derivePriority(matrix, { requesterKind: 'internal', tier: 'platinum' }, 'critical')).toBe('high')
    expect(DEFAULT_PRIORITY_MATRIX.internal?.critical).toBe('urgent')
  })
})
