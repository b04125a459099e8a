import { DomainError } from '../shared/domain-error.js'

/**
 * Requests per key in a sliding window, for public (unauthenticated) endpoints such as the intake
 * form. Per process, like the sign-in limit: behind several servers each keeps its own count.
 */
export class PublicRateLimit {
  private readonly hits = new Map<string, number[]>()

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
  ) {}

  check(key: string, now = Date.now()): void {
    const recent = (this.hits.get(key) ?? []).filter((t) => now - t < this.windowMs)
    if (recent.length >= this.max) {
      const retryAfterSeconds = Math.ceil((this.windowMs - (now - (recent[0] ?? now))) / 1000)
      throw new DomainError('rate_limited', 'TOO_MANY_REQUESTS', 'too many requests: try again later', {
        retryAfterSeconds,
      })
    }
    recent.push(now)
    this.hits.set(key, recent)
    // Bounded memory: forget the oldest key when a flood of addresses comes through.
    if (this.hits.size > 10_000) this.hits.delete(this.hits.keys().next().value as string)
  }
}
