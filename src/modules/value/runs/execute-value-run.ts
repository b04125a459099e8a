import { type Kysely, sql } from 'kysely'
import type { DB, Executor } from '../../../db/database.js'
import { fitStage, unitDays } from '../scoring/fit-stage.js'
import { readFoldedSpend, readFoldedStage } from '../scoring/fold-stage.js'
import { holdoutReport } from '../scoring/holdout-report.js'
import { loadKeys, predictKeys } from '../scoring/predict-keys.js'
import type { ScoreOptions } from '../scoring/score-options.js'
import { atomically, withSession } from '../scoring/session.js'
import { dropStage, type SummaryWindow, stageSummary } from '../scoring/stage-summary.js'
import { writeCustomerValues } from '../scoring/write-customer-values.js'
import { applyTiersToCustomers } from '../tiers/apply-tiers.js'
import { readValueSettings } from '../value-settings.js'
import { getValueRun, type ValueRunView } from './value-runs.js'

export interface RunProgress {
  phase: 'summarising' | 'fitting' | 'predicting' | 'writing' | 'done'
  /** 0 to 1 */
  progress: number
}

/**
 * Runs a queued value run to the end: summary → fit → predictions → scores, tiers and timeline
 * events in one transaction (readers see the previous scores until it commits). Everything runs
 * on one connection, because the summary lives in temporary tables. Never throws for a failed
 * run: the run row records the failure, and the view is returned either way.
 */
export async function executeValueRun(
  db: Executor,
  workspaceId: string,
  runId: string,
  onProgress?: (p: RunProgress) => void,
): Promise<ValueRunView> {
  await withSession(db, async (session) => {
    const progress = async (phase: RunProgress['phase'], value: number) => {
      onProgress?.({ phase, progress: value })
      await session
        .updateTable('value_runs')
        .set({ phase, progress: value, updated_at: new Date() })
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', runId)
        .execute()
    }
    try {
      await session
        .updateTable('value_runs')
        .set({ status: 'running', started_at: new Date(), updated_at: new Date() })
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', runId)
        .execute()
      const run = await getValueRun(session, workspaceId, runId)
      await runPipeline(session, workspaceId, runId, run.options, progress)
      onProgress?.({ phase: 'done', progress: 1 })
    } catch (error) {
      await session
        .updateTable('value_runs')
        .set({
          status: 'failed',
          message: error instanceof Error ? error.message.slice(0, 1000) : String(error),
          finished_at: new Date(),
          updated_at: new Date(),
        })
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', runId)
        .execute()
    } finally {
      await dropStage(session).catch(() => {})
    }
  })
  return getValueRun(db, workspaceId, runId)
}

async function runPipeline(
  session: Kysely<DB>,
  workspaceId: string,
  runId: string,
  options: ScoreOptions,
  progress: (phase: RunProgress['phase'], value: number) => Promise<void>,
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
  const finish = (db: Executor, scored: number | null, changes: number | null) =>
    db
      .updateTable('value_runs')
      .set({
        status: 'succeeded',
        phase: 'done',
        progress: 1,
        result: JSON.stringify(result),
        customers_scored: scored,
        tier_changes: changes,
        finished_at: new Date(),
        updated_at: new Date(),
      })
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', runId)
      .execute()
  // An evaluation run (with a holdout) reports the comparison and leaves the scores alone.
  if (options.holdoutEnd) return finish(session, null, null)

  await progress('predicting', 0.5)
  await loadKeys(session, stage, predictKeys(fit, options))
  lap('predictMs')
  await progress('writing', 0.6)
  await atomically(session, async (trx) => {
    const scored = await writeCustomerValues(
      trx,
      workspaceId,
      runId,
      fit,
      spend.meanDaySpend,
      days,
      settings.tierRules,
    )
    lap('writeMs')
    const changes = await applyTiersToCustomers(trx, workspaceId, {
      manualTiersWin: settings.tierRules.manualTiersWin,
      runId,
    })
    lap('tiersMs')
    await finish(trx, scored, changes)
  })
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
