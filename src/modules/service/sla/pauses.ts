import { SlaError } from './sla.errors.js'

/** A span during which the SLA clock stands still, e.g. while waiting on the customer. */
export interface Pause {
  from: Date
  to: Date
}

export interface PauseSpan {
  from: number
  to: number
}

/** Sorted, merged pauses as epoch milliseconds; empty and reversed spans are dropped. */
export function normalisePauses(pauses: ReadonlyArray<Pause> | undefined): PauseSpan[] {
  if (!pauses || pauses.length === 0) return []
  const spans = pauses
    .map((pause) => ({ from: instant(pause.from, 'pause.from'), to: instant(pause.to, 'pause.to') }))
    .filter((span) => span.to > span.from)
    .sort((a, b) => a.from - b.from)
  const merged: PauseSpan[] = []
  for (const span of spans) {
    const last = merged.at(-1)
    if (last && span.from <= last.to) last.to = Math.max(last.to, span.to)
    else merged.push({ ...span })
  }
  return merged
}

/**
 * Cuts pauses out of open intervals. Intervals must be fed in increasing order, which lets one
 * pointer walk the pause list once for a whole computation.
 */
export class PauseCutter {
  readonly #pauses: PauseSpan[]
  #index = 0

  constructor(pauses: PauseSpan[]) {
    this.#pauses = pauses
  }

  /** The first pause that ends after `at`, if any. */
  pauseAfter(at: number): PauseSpan | undefined {
    while (this.#index < this.#pauses.length && this.#pauses[this.#index]!.to <= at) this.#index++
    return this.#pauses[this.#index]
  }
}

export function instant(date: Date, what: string): number {
  const ms = date instanceof Date ? date.getTime() : Number.NaN
  if (!Number.isFinite(ms)) throw new SlaError('INVALID_ARGUMENT', `${what} is not a valid Date`)
  return ms
}
