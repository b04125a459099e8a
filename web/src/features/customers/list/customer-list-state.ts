import { useCallback, useEffect, useState } from 'react'
import type { CustomerFilter, CustomerSort } from '../../../api/index.js'

/** What the customer list shows: the filter (search included), the order and the segment picked. */
export interface CustomerListState {
  filter: CustomerFilter
  sort: CustomerSort | null
  /** The saved segment the filter came from, if any. */
  segmentId: string | null
}

/** Drops empty values so that "no stage picked" and "stages: []" are the same filter. */
export function cleanFilter(filter: CustomerFilter): CustomerFilter {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined || value === null || value === '') continue
    if (Array.isArray(value) && value.length === 0) continue
    out[key] = value
  }
  return out as CustomerFilter
}

export const sameFilter = (a: CustomerFilter, b: CustomerFilter) =>
  JSON.stringify(sortKeys(cleanFilter(a))) === JSON.stringify(sortKeys(cleanFilter(b)))

const sortKeys = (o: object) =>
  Object.fromEntries(Object.entries(o).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)))

// The state lives in the address (?q=…&filter=…&sort=…&segment=…): a reload, a shared link and
// the way back from a customer page all show the same list.
function readUrl(): CustomerListState {
  const params = new URLSearchParams(window.location.search)
  let filter: CustomerFilter = {}
  try {
    const raw = params.get('filter')
    if (raw) filter = JSON.parse(raw) as CustomerFilter
  } catch {
    filter = {}
  }
  const q = params.get('q')
  if (q) filter = { ...filter, q }
  return {
    filter: cleanFilter(filter),
    sort: (params.get('sort') as CustomerSort | null) ?? null,
    segmentId: params.get('segment'),
  }
}

function writeUrl(state: CustomerListState): void {
  const { q, ...rest } = cleanFilter(state.filter)
  const params = new URLSearchParams()
  if (q) params.set('q', q)
  if (Object.keys(rest).length) params.set('filter', JSON.stringify(rest))
  if (state.sort) params.set('sort', state.sort)
  if (state.segmentId) params.set('segment', state.segmentId)
  const search = params.toString()
  const url = `${window.location.pathname}${search ? `?${search}` : ''}`
  if (url !== window.location.pathname + window.location.search) window.history.replaceState(null, '', url)
}

export function useCustomerListState() {
  const [state, setState] = useState<CustomerListState>(readUrl)
  useEffect(() => writeUrl(state), [state])

  const setFilter = useCallback(
    (filter: CustomerFilter) => setState((s) => ({ ...s, filter: cleanFilter(filter) })),
    [],
  )
  const setSearch = useCallback(
    (q: string) => setState((s) => ({ ...s, filter: cleanFilter({ ...s.filter, q: q.trim() }) })),
    [],
  )
  const setSort = useCallback((sort: CustomerSort | null) => setState((s) => ({ ...s, sort })), [])
  const pickSegment = useCallback(
    (segment: { id: string; filter: CustomerFilter } | null) =>
      setState((s) => ({
        ...s,
        filter: segment ? cleanFilter(segment.filter) : {},
        segmentId: segment?.id ?? null,
      })),
    [],
  )
  return { state, setFilter, setSearch, setSort, pickSegment }
}
