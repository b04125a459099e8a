import { metTarget, nextResponseKey } from './evaluate-case-sla.js'
import type { CaseChanges, CaseRow } from './save-case.js'
import { type SlaContext, slaInputOf } from './sla-context.js'

/**
 * The customer got an answer at `at` (a public reply, a completed callback, a resolution): stops
 * the first-response clock the first time, and the next-response clock when one is running,
 * recording whether each met its target.
 */
export function answerChanges(c: CaseRow, at: Date, ctx: SlaContext): CaseChanges {
  const input = slaInputOf(c, ctx)
  const changes: CaseChanges = {}
  if (!c.first_responded_at) {
    changes.first_responded_at = at
    changes.first_response_met = metTarget(
      input,
      { key: 'first_response', start: c.opened_at, target: ctx.targets?.firstResponse },
      at,
    )
  }
  if (c.next_response_started_at) {
    const met = metTarget(
      input,
      {
        key: nextResponseKey(c.next_responses + 1),
        start: c.next_response_started_at,
        target: ctx.targets?.nextResponse,
      },
      at,
    )
    changes.next_responses = c.next_responses + 1
    if (met === false) changes.next_response_breaches = c.next_response_breaches + 1
    changes.next_response_started_at = null
  }
  return changes
}

/** Ends the pause in progress at `at` (the customer answered, or the case left waiting). */
export function endPause(c: CaseRow, at: Date): CaseChanges {
  if (!c.sla_paused_since) return {}
  return {
    sla_pauses: [...c.sla_pauses, { from: c.sla_paused_since.toISOString(), to: at.toISOString() }],
    sla_paused_since: null,
  }
}

/** The customer wrote: an answer is owed (once the first response is given), unless one already is. */
export function customerWroteChanges(c: CaseRow, at: Date): CaseChanges {
  if (!c.first_responded_at || c.next_response_started_at) return {}
  return { next_response_started_at: at }
}

/** Resolution at `at`: the answer clocks stop as answered, the resolution clock records its result. */
export function resolveChanges(c: CaseRow, at: Date, ctx: SlaContext): CaseChanges {
  return {
    ...answerChanges(c, at, ctx),
    resolved_at: at,
    resolution_met: metTarget(
      slaInputOf(c, ctx),
      { key: 'resolution', start: c.opened_at, target: ctx.targets?.resolution },
      at,
    ),
    ...endPause(c, at),
  }
}

/** Reopening: the time spent resolved does not count against the resolution target. */
export function reopenChanges(c: CaseRow, at: Date): CaseChanges {
  const from = c.resolved_at ?? c.closed_at
  return {
    ...(from ? { sla_pauses: [...c.sla_pauses, { from: from.toISOString(), to: at.toISOString() }] } : {}),
    resolved_at: null,
    closed_at: null,
    resolution_met: null,
    reopened_count: c.reopened_count + 1,
  }
}
