import type { BusinessCalendar } from '../sla/business-calendar.js'
import { computeDue } from '../sla/compute-due.js'
import type { Pause } from '../sla/pauses.js'

/** Targets in business minutes for one priority; null means "no target for this clock". */
export interface SlaTargets {
  firstResponse: number | null
  nextResponse: number | null
  resolution: number | null
}

/** What the SLA of one case depends on, as stored on the case. */
export interface CaseSlaInput {
  calendar: BusinessCalendar
  targets: SlaTargets | null
  /** Share of a target after which a warning is raised, 1–99. */
  warningPercent: number
  openedAt: Date
  /** Finished pauses (waiting on the customer, time spent resolved before a reopen). */
  pauses: readonly Pause[]
  /** Start of the pause in progress, if the clock stands still now. */
  pausedSince: Date | null
  firstRespondedAt: Date | null
  /** When the customer wrote and an answer became due; null when no answer is owed. */
  nextResponseStartedAt: Date | null
  /** Next-response cycles completed so far; the running one is number `nextResponses + 1`. */
  nextResponses: number
  resolvedAt: Date | null
  /** Resolved, closed or merged: no clock runs. */
  stopped: boolean
  warned: readonly string[]
  breached: readonly string[]
}

export interface ClockAlert {
  key: string
  clock: 'first_response' | 'next_response' | 'resolution'
  dueAt: Date
}

export interface CaseSlaState {
  firstResponseDueAt: Date | null
  nextResponseDueAt: Date | null
  resolutionDueAt: Date | null
  /** Earliest due time of a running clock, breached ones included: the queue orders by it. */
  nextDueAt: Date | null
  /** Next instant at which a warning or breach falls due; null when nothing is pending. */
  checkAt: Date | null
  warned: string[]
  breached: string[]
  newlyWarned: ClockAlert[]
  newlyBreached: ClockAlert[]
}

interface Clock {
  key: string
  clock: ClockAlert['clock']
  start: Date
  target: number
  running: boolean
  stoppedAt: Date | null
}

/**
 * Pauses as they stood at `at`: the pause in progress counts up to `at`, and later pauses (after a
 * clock stopped) do not reach back into it.
 */
export function pausesAt(input: Pick<CaseSlaInput, 'pauses' | 'pausedSince'>, at: Date): Pause[] {
  const pauses = input.pauses
    .filter((p) => p.from < at)
    .map((p) => (p.to > at ? { from: p.from, to: at } : p))
  if (input.pausedSince && input.pausedSince < at) pauses.push({ from: input.pausedSince, to: at })
  return pauses
}

export const nextResponseKey = (cycle: number) => `next_response:${cycle}`

function clocksOf(input: CaseSlaInput): Clock[] {
  const t = input.targets
  if (!t) return []
  const clocks: Clock[] = []
  if (t.firstResponse !== null)
    clocks.push({
      key: 'first_response',
      clock: 'first_response',
      start: input.openedAt,
      target: t.firstResponse,
      running: !input.stopped && !input.firstRespondedAt,
      stoppedAt: input.firstRespondedAt ?? input.resolvedAt,
    })
  if (t.nextResponse !== null && input.nextResponseStartedAt)
    clocks.push({
      key: nextResponseKey(input.nextResponses + 1),
      clock: 'next_response',
      start: input.nextResponseStartedAt,
      target: t.nextResponse,
      running: !input.stopped,
      stoppedAt: input.resolvedAt,
    })
  if (t.resolution !== null)
    clocks.push({
      key: 'resolution',
      clock: 'resolution',
      start: input.openedAt,
      target: t.resolution,
      running: !input.stopped && !input.resolvedAt,
      stoppedAt: input.resolvedAt,
    })
  return clocks
}

/**
 * The SLA of a case at `now`: due time of each clock (pauses cut out), the warnings and breaches
 * that fall due by `now` and were not raised yet, and when to look again. A running clock has no
 * due time while paused: it is unknown until the customer answers. A stopped clock keeps the due
 * time it had when it stopped, so the case still shows what the target was.
 */
export function evaluateCaseSla(input: CaseSlaInput, now: Date): CaseSlaState {
  const warned = new Set(input.warned)
  const breached = new Set(input.breached)
  const state: CaseSlaState = {
    firstResponseDueAt: null,
    nextResponseDueAt: null,
    resolutionDueAt: null,
    nextDueAt: null,
    checkAt: null,
    warned: [],
    breached: [],
    newlyWarned: [],
    newlyBreached: [],
  }
  const paused = input.pausedSince !== null
  for (const c of clocksOf(input)) {
    let due: Date | null = null
    if (!c.running && c.stoppedAt)
      due = computeDue(input.calendar, c.start, c.target, { pauses: pausesAt(input, c.stoppedAt) })
    else if (c.running && !paused) {
      const pauses = input.pauses
      due = computeDue(input.calendar, c.start, c.target, { pauses })
      const warnAt = computeDue(input.calendar, c.start, (c.target * input.warningPercent) / 100, { pauses })
      if (due <= now && !breached.has(c.key)) {
        breached.add(c.key)
        state.newlyBreached.push({ key: c.key, clock: c.clock, dueAt: due })
      }
      // A breach says more than a warning; a clock breached at once is not also warned about.
      if (warnAt <= now && !warned.has(c.key) && !breached.has(c.key)) {
        warned.add(c.key)
        state.newlyWarned.push({ key: c.key, clock: c.clock, dueAt: due })
      }
      if (!breached.has(c.key)) {
        const next = warned.has(c.key) ? due : warnAt
        if (!state.checkAt || next < state.checkAt) state.checkAt = next
      }
      if (!state.nextDueAt || due < state.nextDueAt) state.nextDueAt = due
    }
    if (c.clock === 'first_response') state.firstResponseDueAt = due
    else if (c.clock === 'next_response') state.nextResponseDueAt = due
    else state.resolutionDueAt = due
  }
  state.warned = [...warned]
  state.breached = [...breached]
  return state
}

/**
 * Whether a clock that stops at `at` met its target: answered (or resolved) no later than its due
 * time with the pauses up to `at`, and never reported as breached. Null without a target.
 */
export function metTarget(
  input: CaseSlaInput,
  clock: { key: string; start: Date; target: number | null | undefined },
  at: Date,
): boolean | null {
  if (clock.target === null || clock.target === undefined) return null
  if (input.breached.includes(clock.key)) return false
  const due = computeDue(input.calendar, clock.start, clock.target, { pauses: pausesAt(input, at) })
  return at <= due
}
