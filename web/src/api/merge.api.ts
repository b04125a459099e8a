import { api } from './client.js'

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
