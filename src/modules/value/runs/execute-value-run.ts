import { type Kysely, sql } from 'kysely'
import type { DB, Executor, RowUpdate } from '../../../db/database.js'
import { fitStage, unitDays } from '../scoring/fit-stage.js'
import { readFoldedSpend, readFoldedStage } from '../scoring/fold-stage.js'
import { holdoutReport } from '../scoring/holdout-report.js'
import { loadKeys, predictKeys } from '../scoring/predict-keys.js'
import type { ScoreOptions } from '../scoring/score-options.js'
import { atomically, withSession } from '../scoring/session.js'
import { dropStage, type SummaryWindow, stageSummary } from '../scoring/stage-summary.js'
import { writeCustomerValues } from '../scoring/write-customer-values.js'
import { applyTiersInParts } from '../tiers/apply-tiers.js'
import { readValueSettings } from '../value-settings.js'
import { getValueRun, type ValueRunView } from './value-runs.js'

export interface RunProgress {
  phase: 'summarising' | 'fitting' | 'predicting' | 'writing' | 'tiers' | 'done'
  /** 0 to 1 */
  progress: number
}

type Progress = (phase: RunProgress['phase'], value: number) => Promise<void>

/**
 * Runs a queued value run to the end: summary → fit → predictions → scores (one transaction:
 * readers see the previous scores until it commits) → tiers on customers with their timeline
 * events. The summary lives in temporary tables, so everything up to the scores runs on one
 * pinned connection; the tiers then go in parts over the pool (see applyTiersInParts). Never
 * throws for a failed run: the run row records the failure, and the view is returned either way.
 */
export async function executeValueRun(
  db: Executor,
  workspaceId: string,
  runId: string,
  onProgress?: (p: RunProgress) => void,
): Promise<ValueRunView> {
  const update = (on: Executor, values: RowUpdate<'value_runs'>) =>
    on
      .updateTable('value_runs')
      .set({ ...values, updated_at: new Date() })
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', runId)
      .execute()
  const progressOn =
    (on: Executor): Progress =>
    async (phase, progress) => {
      onProgress?.({ phase, progress })
      await update(on, { phase, progress })
    }
  try {
    await update(db, { status: 'running', started_at: new Date() })
    const { options } = await getValueRun(db, workspaceId, runId)
    const scored = await withSession(db, async (session) => {
      try {
        return await scoreInSession(session, workspaceId, runId, options, progressOn(session))
      } finally {
        await dropStage(session).catch(() => {})
      }
    })
    let tierChanges: number | null = null
    if (scored.customers !== null) {
      await progressOn(db)('tiers', 0.85)
      const t0 = performance.now()
      tierChanges = await applyTiersInParts(db, workspaceId, { manualTiersWin: scored.manualTiersWin, runId })
      scored.result.timings.tiersMs = Math.round(performance.now() - t0)
    }
    await update(db, {
      status: 'succeeded',
      phase: 'done',
      progress: 1,
      result: JSON.stringify(scored.result),
      customers_scored: scored.customers,
      tier_changes: tierChanges,
      finished_at: new Date(),
    })
    onProgress?.({ phase: 'done', progress: 1 })
  } catch (error) {
    const message = error instanceof Error ? error.message.slice(0, 1000) : String(error)
    await update(db, { status: 'failed', message, finished_at: new Date() }).catch(() => {})
  }
  return getValueRun(db, workspaceId, runId)
}

/** Summary, fit and (unless it is an evaluation run) the scores, on the pinned session. */
async function scoreInSession(
  session: Kysely<DB>,
  workspaceId: string,
  runId: string,
  options: ScoreOptions,
  progress: Progress,
) {
  const timings: Record<string, number> = {}
  let t0 = performance.now()
  const lap = (name: string) => {
    timings[name] = Math.round(performance.now() - t0)
    t0 = performance.now()
  }
  const window = await summaryWindow(session, workspaceId, options)
  const settings = await readValueSettings(session, workspaceId)
  await progress('summarising', 0.05)
  await stageSummary(session, workspaceId, window)
  lap('summariseMs')
  await progress('fitting', 0.35)
  const stage = await readFoldedStage(session)
  const spend = await readFoldedSpend(session)
  const fit = fitStage(stage, spend, options)
  lap('fitMs')
  const days = unitDays(options.unit)
  const result = {
    model: options.model,
    unit: options.unit,
    calibrationEnd: window.calibrationEnd,
    holdoutEnd: options.holdoutEnd ?? null,
    horizonMonths: options.horizonMonths,
    discountMonthly: options.discountMonthly,
    params: fit.fit.params,
    standardErrors: fit.fit.standardErrors,
    logLikelihood: fit.fit.logLikelihood,
    customers: fit.fit.customers,
    distinctRows: stage.rows,
    converged: fit.fit.converged,
    spend: fit.spend && {
      params: fit.spend.params,
      standardErrors: fit.spend.standardErrors,
      logLikelihood: fit.spend.logLikelihood,
      customers: fit.spend.customers,
    },
    meanDaySpend: spend.meanDaySpend,
    holdout: options.holdoutEnd ? await holdoutReport(session, workspaceId, window, stage, fit, days) : null,
    timings,
  }
  const manualTiersWin = settings.tierRules.manualTiersWin
  // An evaluation run (with a holdout) reports the comparison and leaves the scores alone.
  if (options.holdoutEnd) return { result, customers: null, manualTiersWin }

  await progress('predicting', 0.5)
  await loadKeys(session, stage, predictKeys(fit, options))
  lap('predictMs')
  await progress('writing', 0.6)
  const customers = await atomically(session, (trx) =>
    writeCustomerValues(trx, workspaceId, runId, fit, spend.meanDaySpend, days, settings.tierRules),
  )
  lap('writeMs')
  return { result, customers, manualTiersWin }
}

/** Calibration end: the option, or today in the workspace time zone; the holdout end defaults to it. */
async function summaryWindow(
  db: Executor,
  workspaceId: string,
  options: ScoreOptions,
): Promise<SummaryWindow> {
  const { rows } = await sql<{ timezone: string; today: string }>`
    SELECT timezone, (now() AT TIME ZONE timezone)::date::text AS today FROM workspaces WHERE id = ${workspaceId}`.execute(
    db,
  )
  const ws = rows[0]!
  const calibrationEnd = options.calibrationEnd ?? ws.today
  return { timezone: ws.timezone, calibrationEnd, holdoutEnd: options.holdoutEnd ?? calibrationEnd }
}
