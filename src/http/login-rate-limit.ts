import { DomainError } from '../shared/domain-error.js'

/**
 * Attempts per client address in a sliding window. It complements the per-login lock-out kept in
 * the database: that one stops guessing one account's password, this one stops one address from
 * spraying many accounts. It is per process; behind several servers the lock-out still holds.
 */
export class LoginRateLimit {
  private readonly hits = new Map<string, number[]>()

  constructor(
    private readonly max = 20,
    private readonly windowMs = 5 * 60_000,
  ) {}

  check(address: string, now = Date.now()): void {
    const recent = (this.hits.get(address) ?? []).filter((t) => now - t < this.windowMs)
    if (recent.length >= this.max) {
      const retryAfterSeconds = Math.ceil((this.windowMs - (now - (recent[0] ?? now))) / 1000)
      throw new DomainError(
        'rate_limited',
        'TOO_MANY_LOGIN_ATTEMPTS',
        'too many sign-in attempts from this address',
        { retryAfterSeconds },
      )
    }
    recent.push(now)
    this.hits.set(address, recent)
    if (this.hits.size > 10_000) this.hits.delete(this.hits.keys().next().value as string)
  }
}
