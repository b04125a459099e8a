import cliProgress from 'cli-progress'
import { type Command, Option } from 'commander'
import { getWorkspaceBySlug, systemActor } from '../modules/platform/index.js'
import {
  importCostEntries,
  recomputeTiers,
  ScoreOptions,
  scoreWorkspace,
  type ValueRunView,
} from '../modules/value/index.js'
import { withDatabase } from './with-database.js'

interface ScoreFlags {
  workspace: string
  model: 'bgnbd' | 'pareto'
  unit: 'days' | 'weeks'
  horizonMonths: string
  discountMonthly: string
  calibrationEnd?: string
  holdoutEnd?: string
  json?: boolean
}

const WORKSPACE = ['--workspace <slug>', 'workspace slug', 'demo'] as const

/** Adds `value score`, `value tiers` and `value costs import`: the value engine on the database. */
export function registerValueScoreCommands(value: Command): void {
  value
    .command('score')
    .description(
      "fit on the workspace's purchases and write every customer's predictions, profit, RFM and tier",
    )
    .option(...WORKSPACE)
    .addOption(new Option('--model <model>', 'purchase model').choices(['bgnbd', 'pareto']).default('bgnbd'))
    .addOption(new Option('--unit <unit>', 'model time unit').choices(['days', 'weeks']).default('weeks'))
    .option('--horizon-months <n>', 'CLV horizon in months', '12')
    .option('--discount-monthly <rate>', 'monthly discount rate of the CLV', '0.01')
    .option('--calibration-end <date>', 'last calibration day (YYYY-MM-DD); default today')
    .option('--holdout-end <date>', 'evaluate against a holdout up to this day instead of scoring')
    .option('--json', 'print the finished run as JSON')
    .action(async (flags: ScoreFlags) => {
      const options = ScoreOptions.parse({
        model: flags.model,
        unit: flags.unit,
        horizonMonths: Number(flags.horizonMonths),
        discountMonthly: Number(flags.discountMonthly),
        calibrationEnd: flags.calibrationEnd,
        holdoutEnd: flags.holdoutEnd,
      })
      const run = await withDatabase(async ({ db }) => {
        const ws = await getWorkspaceBySlug(db, flags.workspace)
        const bar = new cliProgress.SingleBar(
          { format: 'value run [{bar}] {percentage}% {phase}', stream: process.stderr, hideCursor: true },
          cliProgress.Presets.legacy,
        )
        bar.start(100, 0, { phase: 'starting' })
        const done = await scoreWorkspace(db, systemActor(ws.id), options, (p) =>
          bar.update(Math.round(p.progress * 100), { phase: p.phase }),
        )
        bar.stop()
        return done
      })
      console.log(flags.json ? JSON.stringify(run) : describeRun(run))
      // Set after the database is closed: the embedded database's shutdown resets the exit code.
      if (run.status !== 'succeeded') process.exitCode = 1
    })

  value
    .command('tiers')
    .description('re-tier every scored customer by the current tier rules (no refit)')
    .option(...WORKSPACE)
    .action(async (flags: { workspace: string }) => {
      await withDatabase(async ({ db }) => {
        const ws = await getWorkspaceBySlug(db, flags.workspace)
        const { tierChanges } = await recomputeTiers(db, systemActor(ws.id))
        console.log(`${tierChanges} tier changes`)
      })
    })

  value
    .command('costs')
    .description('cost-to-serve ledger')
    .command('import <file>')
    .description(
      'import cost entries: CSV with customer_external_id (or customer_id), kind, amount, occurred_at[, reference]',
    )
    .option(...WORKSPACE)
    .option('--source <name>', 'source recorded on the entries', 'import')
    .action(async (file: string, flags: { workspace: string; source: string }) => {
      const r = await withDatabase(async ({ db }) => {
        const ws = await getWorkspaceBySlug(db, flags.workspace)
        return importCostEntries(db, ws.id, file, flags.source)
      })
      console.log(`${r.rows} rows: ${r.inserted} added, ${r.duplicates} already there, ${r.invalid} refused`)
      for (const e of r.errors) console.log(`  line ${e.line}: ${e.message}`)
      if (r.invalid > 0) process.exitCode = 1
    })
}

function describeRun(run: ValueRunView): string {
  if (run.status !== 'succeeded') return `value run ${run.id} failed: ${run.message ?? 'unknown error'}`
  const r = run.result as {
    params: Record<string, number>
    logLikelihood: number
    timings: Record<string, number>
  }
  const params = Object.entries(r.params)
    .map(([k, v]) => `${k} ${v.toFixed(4)}`)
    .join(', ')
  const ms = Object.values(r.timings).reduce((s, t) => s + t, 0)
  const what =
    run.customersScored === null
      ? 'evaluated against the holdout (nothing written)'
      : `scored ${run.customersScored} customers, ${run.tierChanges} tier changes`
  return `value run ${run.id}: ${run.options.model} (${params}; log-likelihood ${r.logLikelihood.toFixed(2)}); ${what} in ${seconds(ms)} s (${phases(r.timings)})`
}

const seconds = (ms: number) => (ms / 1000).toFixed(1)

/** "summarise 1.3 s, fit 0.7 s, …" in the order the phases run (the stored result sorts its keys). */
function phases(timings: Record<string, number>): string {
  const order = ['summarise', 'fit', 'predict', 'write', 'tiers']
  return order
    .filter((name) => timings[`${name}Ms`] !== undefined)
    .map((name) => `${name} ${seconds(timings[`${name}Ms`]!)} s`)
    .join(', ')
}
