// Public surface of the summary builders: transaction logs and summary files → model columns.
export {
  buildCustomerSummary,
  type CustomerSummary,
  type SummaryOptions,
  type TimeUnit,
} from './build-summary.js'
export { formatDay, parseDay } from './parse-date.js'
export { parseSummaryCsv, type SummaryColumns } from './parse-summary.js'
export { parseCdnowText, parseTransactionsCsv, type TransactionColumns } from './parse-transactions.js'
export { ValueInputError, type ValueInputErrorCode } from './summary.errors.js'
