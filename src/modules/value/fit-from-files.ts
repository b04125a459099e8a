import { readFile } from 'node:fs/promises'
import {
  type BgNbdParams,
  type CustomerColumns,
  type FitResult,
  fitBgNbd,
  fitGammaGamma,
  fitParetoNbd,
  foldCustomers,
  type GammaGammaParams,
  type ParetoNbdParams,
} from './models/index.js'
import {
  buildCustomerSummary,
  parseCdnowText,
  parseSummaryCsv,
  parseTransactionsCsv,
  type TimeUnit,
  ValueInputError,
} from './summary/index.js'

export { ValueInputError } from './summary/index.js'

export interface FitFromFilesOptions {
  /** per-customer summary CSV (already in model units) */
  summary?: string
  /** transaction log: CSV with a header, or CDNOW's whitespace text format */
  transactions?: string
  /** last calibration day (inclusive) for a transaction log; defaults to its last day */
  calibrationEnd?: string
  /** time unit used when summarising a transaction log */
  unit: TimeUnit
  model: 'bgnbd' | 'pareto' | 'all'
  /** also fit the Gamma-Gamma spend model on the repeat buyers */
  spend: boolean
}

export type SpendReport = GammaGammaParams & { logLikelihood: number }

export type ValueFitReport =
  | ({ model: 'bgnbd' } & ReportBody<BgNbdParams>)
  | ({ model: 'pareto' } & ReportBody<ParetoNbdParams>)

interface ReportBody<P> {
  params: P
  standardErrors: P
  logLikelihood: number
  customers: number
  spend?: SpendReport
}

/**
 * Reads a summary or a transaction log, folds it and fits the requested purchase model(s) and,
 * optionally, the Gamma-Gamma spend model. Returns one report per model (two for `model: 'all'`).
 * Throws `ValueInputError` for unreadable files, missing columns and bad values.
 *
 * @example
 * const [bgnbd] = await fitFromFiles({ summary: 'cdnow.csv', unit: 'weeks', model: 'bgnbd', spend: false })
 */
export async function fitFromFiles(opts: FitFromFilesOptions): Promise<ValueFitReport[]> {
  const data = await loadCustomers(opts)
  const folded = foldCustomers(data)
  let spend: SpendReport | undefined
  if (opts.spend) {
    if (!data.monetary?.some((m) => m > 0)) {
      throw new ValueInputError(
        'BAD_OPTION',
        'spend model needs amounts (a monetary_value/zbar or amount column)',
      )
    }
    const gg = fitGammaGamma({ x: data.x, monetary: data.monetary })
    spend = { ...gg.params, logLikelihood: gg.logLikelihood }
  }
  const report = <P>(fit: FitResult<P>): ReportBody<P> => ({
    params: fit.params,
    standardErrors: fit.standardErrors,
    logLikelihood: fit.logLikelihood,
    customers: fit.customers,
    ...(spend ? { spend } : {}),
  })
  const out: ValueFitReport[] = []
  if (opts.model !== 'pareto') out.push({ model: 'bgnbd', ...report(fitBgNbd(folded)) })
  if (opts.model !== 'bgnbd') out.push({ model: 'pareto', ...report(fitParetoNbd(folded)) })
  return out
}

async function loadCustomers(
  opts: FitFromFilesOptions,
): Promise<CustomerColumns & { monetary?: Float64Array }> {
  if (!opts.summary === !opts.transactions) {
    throw new ValueInputError('BAD_OPTION', 'give exactly one of a summary file or a transactions file')
  }
  if (opts.summary && opts.calibrationEnd) {
    throw new ValueInputError('BAD_OPTION', 'a calibration end applies to a transactions file, not a summary')
  }
  if (opts.summary) return parseSummaryCsv(await readText(opts.summary), opts.summary)
  const file = opts.transactions!
  const text = await readText(file)
  const firstLine = text.split('\n', 1)[0] ?? ''
  // CDNOW's logs are whitespace-separated with no commas; everything else is read as CSV.
  const log = firstLine.includes(',') ? parseTransactionsCsv(text, file) : parseCdnowText(text, file)
  let last = Number.NEGATIVE_INFINITY
  for (const d of log.day) last = Math.max(last, d)
  const calibrationEnd = opts.calibrationEnd ?? new Date(last * 86_400_000).toISOString().slice(0, 10)
  return buildCustomerSummary(log, { calibrationEnd, unit: opts.unit })
}

async function readText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8')
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String(error)
    throw new ValueInputError('FILE_NOT_FOUND', `cannot read ${file}: ${reason}`)
  }
}
