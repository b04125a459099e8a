import type { Kysely } from 'kysely'
import type { DB } from '../../../db/database.js'
import type { Actor } from '../../platform/index.js'
import type { ScoreOptionsInput } from '../scoring/score-options.js'
import { executeValueRun } from './execute-value-run.js'
import { createValueRun, type ValueRunView } from './value-runs.js'

export interface ValueRunner {
  /** Records a queued run and runs it in the background; answers at once with the queued run. */
  start(actor: Actor, options: ScoreOptionsInput): Promise<ValueRunView>
  /** Waits for the runs still going (the server calls it on close). */
  drain(): Promise<void>
}

/**
 * Runs value runs inside this process, in the background. There is no job queue yet: a run that
 * dies with its process stays "running" until it goes stale (see value-runs.ts) and a new run
 * replaces it. The run row is the only state, so moving this onto a queue changes nothing else.
 */
export function createValueRunner(db: Kysely<DB>): ValueRunner {
  const pending = new Set<Promise<unknown>>()
  return {
    async start(actor, options) {
      const run = await createValueRun(db, actor, options)
      const job: Promise<unknown> = executeValueRun(db, actor.workspaceId, run.id)
        .catch(() => {}) // the run row records failures; a lost connection must not crash the server
        .finally(() => pending.delete(job))
      pending.add(job)
      return run
    },
    async drain() {
      await Promise.allSettled([...pending])
    },
  }
}
