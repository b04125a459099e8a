import type { DuplicatePair } from '../../../api/index.js'

/** Why two records look like one customer, in words. */
export function reasonsText(reasons: DuplicatePair['reasons']): string[] {
  const parts: string[] = []
  if (reasons.emails.length) parts.push(`Same email: ${reasons.emails.join(', ')}`)
  if (reasons.phones.length) parts.push(`Same phone: ${reasons.phones.join(', ')}`)
  if (reasons.nameSimilarity !== null)
    parts.push(
      reasons.nameSimilarity >= 0.999
        ? 'Same name'
        : `Similar name (${Math.round(reasons.nameSimilarity * 100)}% alike)`,
    )
  return parts
}

export const pairId = (p: DuplicatePair) => `${p.a.id}:${p.b.id}`

export const named = (c: { name: string; externalId: string | null }) =>
  c.externalId ? `${c.name} (${c.externalId})` : c.name
