import { type Command, Option } from 'commander'
import { fitFromFiles, type ValueFitReport, ValueInputError } from '../modules/value/index.js'
import { registerValueScoreCommands } from './value-score.command.js'

interface FitFlags {
  summary?: string
  transactions?: string
  calibrationEnd?: string
  unit: 'days' | 'weeks'
  model: 'bgnbd' | 'pareto' | 'all'
  spend?: boolean
  json?: boolean
}

const MODEL_NAMES = { bgnbd: 'BG/NBD', pareto: 'Pareto/NBD' } as const

/**
 * Adds `value fit` (fit the CLV purchase models, and the spend model, to a summary or a transaction
 * log) and the commands that work on a workspace's database (see value-score.command.ts).
 */
export function registerValueCommands(program: Command): void {
  const value = program
    .command('value')
    .description('customer value engine: CLV models, scores, tiers, costs')
  registerValueScoreCommands(value)
  value
    .command('fit')
    .description('fit BG/NBD and/or Pareto/NBD (and Gamma-Gamma with --spend) by maximum likelihood')
    .option('--summary <file>', 'per-customer summary CSV (ID, frequency, recency, T[, monetary_value])')
    .option('--transactions <file>', 'transaction log: CSV (customer_id, date, amount) or CDNOW text')
    .option('--calibration-end <date>', 'last calibration day (inclusive) of a transaction log')
    .addOption(
      new Option('--unit <unit>', 'time unit for a transaction log')
        .choices(['days', 'weeks'])
        .default('weeks'),
    )
    .addOption(
      new Option('--model <model>', 'model to fit').choices(['bgnbd', 'pareto', 'all']).default('bgnbd'),
    )
    .option('--spend', 'also fit the Gamma-Gamma spend model on repeat buyers')
    .option('--json', 'print one JSON object (an array with --model all)')
    .action(async (flags: FitFlags, cmd: Command) => {
      let reports: ValueFitReport[]
      try {
        reports = await fitFromFiles({
          summary: flags.summary,
          transactions: flags.transactions,
          calibrationEnd: flags.calibrationEnd,
          unit: flags.unit,
          model: flags.model,
          spend: flags.spend ?? false,
        })
      } catch (error) {
        if (error instanceof ValueInputError) program.error(`error: ${error.message}`, { exitCode: 1 })
        throw error
      }
      const out = cmd.configureOutput().writeOut ?? ((text: string) => process.stdout.write(text))
      if (flags.json) out(`${JSON.stringify(flags.model === 'all' ? reports : reports[0])}\n`)
      else out(reports.map(formatReport).join('\n'))
    })
}

function formatReport(report: ValueFitReport): string {
  const lines = [
    `${MODEL_NAMES[report.model]}: ${report.customers} customers, log-likelihood ${report.logLikelihood.toFixed(2)}`,
    `  ${'param'.padEnd(8)}${'estimate'.padStart(12)}${'std. error'.padStart(12)}`,
  ]
  const se = report.standardErrors as unknown as Record<string, number>
  for (const [name, v] of Object.entries(report.params)) {
    lines.push(
      `  ${name.padEnd(8)}${v.toFixed(4).padStart(12)}${(se[name] ?? Number.NaN).toFixed(4).padStart(12)}`,
    )
  }
  if (report.spend) {
    const { logLikelihood, ...params } = report.spend
    lines.push(`Gamma-Gamma spend: log-likelihood ${logLikelihood.toFixed(2)}`)
    for (const [name, v] of Object.entries(params))
      lines.push(`  ${name.padEnd(8)}${v.toFixed(4).padStart(12)}`)
  }
  return `${lines.join('\n')}\n`
}
