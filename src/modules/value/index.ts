/**
 * Value engine: customer summaries from purchase logs, probabilistic models (BG/NBD, Pareto/NBD,
 * Gamma-Gamma) fitted by maximum likelihood, predictions and CLV; on the database: scoring runs,
 * profitability and the cost-to-serve ledger, RFM segments, value tiers and the service-fit report.
 */

export {
  type FitFromFilesOptions,
  fitFromFiles,
  type SpendReport,
  type ValueFitReport,
} from './fit-from-files.js'
export * from './models/index.js'
export {
  CostAmount,
  CostEntryView,
  CreateCostEntryInput,
  createCostEntry,
  ListCostEntriesQuery,
  listCostEntries,
} from './profit/cost-entries.js'
export { type CostImportResult, importCostEntries } from './profit/import-cost-entries.js'
export { type NewCostEntry, type RecordCostsResult, recordCostEntries } from './profit/record-cost-entries.js'
export { RFM_SEGMENTS, type RfmSegment, rfmSegmentOf } from './reports/rfm-segments.js'
export { getServiceFit, ServiceFitItem, ServiceFitQuery } from './reports/service-fit.js'
export { DEFAULT_SERVICE_FIT, ServiceFitSettings } from './reports/service-fit-settings.js'
export { registerUnderServedSignal, type UnderServedSignal } from './reports/service-fit-signals.js'
export { getValueCard, ValueCardView } from './reports/value-card.js'
export { getValueSummary, ValueSummaryView } from './reports/value-summary.js'
export { executeValueRun, type RunProgress } from './runs/execute-value-run.js'
export { scoreWorkspace } from './runs/score-workspace.js'
export { createValueRunner, type ValueRunner } from './runs/value-run-runner.js'
export { getValueRun, ListValueRunsQuery, listValueRuns, ValueRunView } from './runs/value-runs.js'
export { type DatabaseSummary, readCustomerSummary } from './scoring/read-customer-summary.js'
export { ScoreOptions, type ScoreOptionsInput } from './scoring/score-options.js'
export * from './summary/index.js'
export { recomputeTiers, updateTierRules } from './tiers/recompute-tiers.js'
export { DEFAULT_TIER_RULES, TIER_BASES, TierRules } from './tiers/tier-rules.js'
export { ValueError, type ValueErrorCode } from './value.errors.js'
export { readValueSettings, saveValueSettings, type ValueSettings } from './value-settings.js'
