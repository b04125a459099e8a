import { api } from './client.js'
import type { Page } from './types.js'

export interface DuplicateCustomerSummary {
  id: string
  externalId: string | null
  kind: 'person' | 'organisation'
  name: string
  emails: string[]
  phones: string[]
}

export interface DuplicateCandidate {
  customer: DuplicateCustomerSummary
  /** 0–1: how likely the two records are one customer. */
  score: number
  reasons: { emails: string[]; phones: string[]; nameSimilarity: number | null }
}

export interface MergeResult {
  mergeId: string
  survivor: { id: string; name: string; revenue: string; ordersCount: number }
  mergedId: string
  mergedExternalId: string | null
  /** Rows moved to the survivor, per table. */
  moved: Record<string, number>
}

const at = (id: string) => `/api/customers/${encodeURIComponent(id)}`

export const findDuplicates = (id: string) => api.get<{ items: DuplicateCandidate[] }>(`${at(id)}/duplicates`)

/** Merges `mergedId` into the survivor `id`: every row of the merged customer moves to it. */
export const mergeCustomer = (id: string, mergedId: string) =>
  api.post<MergeResult>(`${at(id)}/merge`, { mergedId })

/** A pair of customers that are probably one, across the workspace (GET /api/customers/duplicates). */
export interface DuplicatePair {
  a: DuplicateCustomerSummary
  b: DuplicateCustomerSummary
  score: number
  reasons: DuplicateCandidate['reasons']
}

export const listDuplicatePairs = (query: { limit?: number; cursor?: string } = {}) =>
  api.get<Page<DuplicatePair>>('/api/customers/duplicates', { ...query })

/** One merge of the workspace: who merged which customer into which, when, and what moved. */
export interface MergeHistoryEntry {
  id: string
  survivorId: string
  mergedCustomerId: string
  mergedExternalId: string | null
  mergedName: string
  /** The survivor as it is now; null once it was merged away itself. */
  survivor: { id: string; name: string; externalId: string | null } | null
  moved: Record<string, number>
  mergedBy: string | null
  mergedByName: string | null
  mergedAt: string
}

export const listMergeHistory = (query: { limit?: number; cursor?: string } = {}) =>
  api.get<Page<MergeHistoryEntry>>('/api/customers/merges', { ...query })
