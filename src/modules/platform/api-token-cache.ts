import type { Actor } from './actor.js'

/**
 * Resolved API tokens, kept a few seconds so that a busy integration does not pay a database
 * round trip per request for its token (a third of the round trips of creating a case). A revoke
 * in this process takes effect at once: it clears the cache and bumps the epoch, and a lookup
 * that started before a revoke is not cached. Another process running the API sees a revoke
 * within TTL_MS. An entry also stops at the token's own expiry.
 */
const TTL_MS = 5_000
const MAX_ENTRIES = 1_000

interface Entry {
  actor: Actor
  until: number
  expiresAt: number
}

const entries = new Map<string, Entry>()
let epoch = 0

export function cachedToken(hash: string, now: Date): Actor | undefined {
  const hit = entries.get(hash)
  if (!hit) return undefined
  if (hit.until <= performance.now() || hit.expiresAt <= now.getTime()) {
    entries.delete(hash)
    return undefined
  }
  return hit.actor
}

/** The epoch to hand back to `rememberToken`: a revoke in between makes it a no-op. */
export function tokenCacheEpoch(): number {
  return epoch
}

export function rememberToken(hash: string, actor: Actor, expiresAt: Date | null, since: number): void {
  if (since !== epoch) return
  if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value as string)
  entries.set(hash, {
    actor,
    until: performance.now() + TTL_MS,
    expiresAt: expiresAt ? expiresAt.getTime() : Number.POSITIVE_INFINITY,
  })
}

/** After a revoke (call it once the revoke is committed, and before). */
export function forgetTokens(): void {
  epoch++
  entries.clear()
}
