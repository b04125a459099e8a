import type { Executor } from '../../../db/database.js'
import type { Actor } from '../../platform/index.js'
import type { ScoreOptionsInput } from '../scoring/score-options.js'
import { executeValueRun, type RunProgress } from './execute-value-run.js'
import { createValueRun, type ValueRunView } from './value-runs.js'

/**
 * Scores a workspace now, in the caller's process: records a run, fits, writes every customer's
 * predictions, profitability, RFM and tier. Resolves with the finished run (status succeeded or
 * failed, with a message).
 *
 * @example
 * const run = await scoreWorkspace(db, systemActor(ws.id), { model: 'bgnbd', horizonMonths: 12 })
 */
export async function scoreWorkspace(
  db: Executor,
  actor: Actor,
  options: ScoreOptionsInput,
  onProgress?: (p: RunProgress) => void,
): Promise<ValueRunView> {
  const run = await createValueRun(db, actor, options)
  return executeValueRun(db, actor.workspaceId, run.id, onProgress)
}
