import { useCallback, useEffect, useRef, useState } from 'react'
import { errorMessage, type Page } from '../api/index.js'

export interface PagedList<T extends { id: string }> {
  items: T[]
  loading: boolean
  error: string | null
  hasMore: boolean
  loadMore: () => void
  /** Puts a fresh copy of an item in place (after an update), or first (after a create). */
  upsert: (item: T) => void
}

/** A cursor-paginated list: the first page on mount, further pages on "Load more". */
export function usePagedList<T extends { id: string }>(
  fetchPage: (cursor: string | undefined) => Promise<Page<T>>,
): PagedList<T> {
  const [items, setItems] = useState<T[]>([])
  const [cursor, setCursor] = useState<string | null>(null)
  const [loading, setLoading] = useState(true)
  const [error, setError] = useState<string | null>(null)
  const fetchRef = useRef(fetchPage)
  fetchRef.current = fetchPage

  const load = useCallback((from: string | undefined, isCurrent: () => boolean = () => true) => {
    setLoading(true)
    setError(null)
    fetchRef
      .current(from)
      .then((page) => {
        if (!isCurrent()) return
        setItems((prev) => {
          const seen = new Set(prev.map((i) => i.id))
          return from ? [...prev, ...page.items.filter((i) => !seen.has(i.id))] : page.items
        })
        setCursor(page.nextCursor)
      })
      .catch((err: unknown) => {
        if (isCurrent()) setError(errorMessage(err))
      })
      .finally(() => {
        if (isCurrent()) setLoading(false)
      })
  }, [])

  useEffect(() => {
    let current = true
    load(undefined, () => current)
    return () => {
      current = false
    }
  }, [load])

  const loadMore = useCallback(() => {
    if (cursor) load(cursor)
  }, [cursor, load])

  const upsert = useCallback((item: T) => {
    setItems((prev) =>
      prev.some((i) => i.id === item.id) ? prev.map((i) => (i.id === item.id ? item : i)) : [item, ...prev],
    )
  }, [])

  return { items, loading, error, hasMore: cursor !== null, loadMore, upsert }
}
