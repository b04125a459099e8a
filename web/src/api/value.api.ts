import { api, request } from './client.js'
import type { Page } from './types.js'

// Mirrors of src/modules/value views. Money is an exact decimal string in the workspace
// currency; model figures are plain numbers; times are UTC ISO strings.

export type PurchaseModel = 'bgnbd' | 'pareto'
export type RunStatus = 'queued' | 'running' | 'succeeded' | 'failed'

export interface ScoreOptions {
  model: PurchaseModel
  unit: 'days' | 'weeks'
  horizonMonths: number
  discountMonthly: number
  /** YYYY-MM-DD; default today in the workspace time zone. */
  calibrationEnd?: string
  /** YYYY-MM-DD after calibrationEnd: makes the run an evaluation (nothing written to customers). */
  holdoutEnd?: string
}

export interface HoldoutReport {
  calibrationEnd: string
  holdoutEnd: string
  /** Holdout length in model units. */
  length: number
  actualTotal: number
  predictedTotal: number
  /** Mean holdout purchases by calibration frequency; the last bucket is "7+". */
  byFrequency: { frequency: number; customers: number; actual: number; predicted: number }[]
  /** Cumulative repeat purchases at the end of each period since the first purchase day. */
  tracking: { origin: string; actual: number[]; predicted: number[] }
}

/** What a finished run reports (src/modules/value/runs/execute-value-run.ts). */
export interface ValueRunResult {
  model: PurchaseModel
  unit: 'days' | 'weeks'
  calibrationEnd: string
  holdoutEnd: string | null
  horizonMonths: number
  discountMonthly: number
  params: Record<string, number>
  standardErrors: Record<string, number>
  logLikelihood: number
  customers: number
  distinctRows: number
  converged: boolean
  spend: {
    params: Record<string, number>
    standardErrors: Record<string, number>
    logLikelihood: number
    customers: number
  } | null
  meanDaySpend?: number
  holdout: HoldoutReport | null
  timings?: Record<string, number>
}

export interface ValueRun {
  id: string
  status: RunStatus
  /** summarising, fitting, predicting, writing, tiers, done */
  phase: string | null
  /** 0 to 1 */
  progress: number
  options: ScoreOptions
  result: ValueRunResult | null
  customersScored: number | null
  tierChanges: number | null
  message: string | null
  createdAt: string
  startedAt: string | null
  finishedAt: string | null
}

export interface ValueCard {
  customerId: string
  scored: boolean
  runId: string | null
  computedAt: string | null
  horizonMonths: number | null
  tier: string | null
  tierSource: 'manual' | 'value' | null
  valueTier: string | null
  clv: string | null
  pAlive: number | null
  expectedPurchases: number | null
  expectedSpend: string | null
  predictedMargin: string | null
  predictedNetProfit: string | null
  revenue: string
  costOfGoods: string
  grossMargin: string
  costToServe: string
  netProfit: string
  rfm: { recency: number; frequency: number; monetary: number; segment: string } | null
  purchaseDays: number | null
  firstPurchaseOn: string | null
  lastPurchaseOn: string | null
}

export interface ValueSummary {
  runId: string | null
  computedAt: string | null
  customers: number
  totals: {
    clv: string
    revenue: string
    grossMargin: string
    costToServe: string
    netProfit: string
    predictedMargin: string
    meanPAlive: number | null
  }
  /** Equal bins up to the 99th percentile; the last one is open-ended (to: null). */
  clvHistogram: { from: number; to: number | null; customers: number }[]
  rfmGrid: { recency: number; frequency: number; customers: number; clv: string }[]
  segments: { segment: string; customers: number; clv: string; revenue: string }[]
  tiers: { tier: string | null; customers: number; clv: string }[]
  profitPoints: {
    customerId: string
    grossMargin: number
    costToServe: number
    netProfit: number
    clv: number
    tier: string | null
  }[]
}

export const TIER_BASES = [
  'clv',
  'predicted_margin',
  'predicted_net_profit',
  'revenue',
  'net_profit',
] as const
export type TierBasis = (typeof TIER_BASES)[number]

export interface TierRules {
  basis: TierBasis
  /** Best tier first; percents add up to 100. */
  tiers: { name: string; percent: number }[]
  manualTiersWin: boolean
}

export interface ServiceFitSettings {
  /** Cost-to-serve above this share of gross margin is over-serving. */
  overServedShare: number
  underServedTiers: string[]
  inactiveDays: number
}

/** A service-fit row; `id` is the customer's id (lists key their rows by it). */
export interface ServiceFitItem {
  id: string
  customerId: string
  name: string
  externalId: string | null
  tier: string | null
  reasons: string[]
  clv: string
  grossMargin: string
  costToServe: string
  netProfit: string
  costShare: number | null
  pAlive: number
  lastPurchaseAt: string | null
}

export const listValueRuns = (query: { limit?: number; cursor?: string } = {}) =>
  api.get<Page<ValueRun>>('/api/value/runs', { ...query })

export const getValueRun = (id: string) => api.get<ValueRun>(`/api/value/runs/${encodeURIComponent(id)}`)

/** Starts a run; the server answers 202 with the queued run, or 409 while another runs. */
export const startValueRun = (options: Partial<ScoreOptions>) =>
  api.post<ValueRun>('/api/value/runs', options)

export const getValueCard = (customerId: string) =>
  api.get<ValueCard>(`/api/customers/${encodeURIComponent(customerId)}/value`)

export const getValueSummary = () => api.get<ValueSummary>('/api/value/summary')

export const getTierRules = () => api.get<TierRules>('/api/value/tiers')

export const saveTierRules = (rules: TierRules) =>
  request<{ rules: TierRules; tierChanges: number }>('PUT', '/api/value/tiers', { body: rules })

export const recomputeTiers = () => api.post<{ tierChanges: number }>('/api/value/tiers/recompute', {})

export const getServiceFitSettings = () => api.get<ServiceFitSettings>('/api/value/service-fit/settings')

export const saveServiceFitSettings = (settings: ServiceFitSettings) =>
  request<ServiceFitSettings>('PUT', '/api/value/service-fit/settings', { body: settings })

export const getServiceFit = async (
  kind: 'over' | 'under',
  query: { limit?: number; cursor?: string | undefined } = {},
): Promise<Page<ServiceFitItem>> => {
  const page = await api.get<Page<Omit<ServiceFitItem, 'id'>>>('/api/value/service-fit', { kind, ...query })
  return { ...page, items: page.items.map((item) => ({ ...item, id: item.customerId })) }
}

export const isRunFinished = (run: ValueRun) => run.status === 'succeeded' || run.status === 'failed'
