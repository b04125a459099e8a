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
  /** Takes an item out (after a delete or a merge). */
  remove: (id: string) => void
  /** Fetches the first page again. */
  reload: () => void
}

/**
 * A cursor-paginated list: the first page on mount and whenever `key` changes (a new search or
 * filter), further pages on "Load more". Answers to an older key are dropped, so a slow reply to
 * an earlier keystroke never overwrites the newer one. The old rows stay on screen until the new
 * first page arrives, which keeps the table from flashing empty while someone types.
 */
export function usePagedList<T extends { id: string }>(
  fetchPage: (cursor: string | undefined) => Promise<Page<T>>,
  key = '',
): PagedList<T> {
  const [items, setItems] = useState<T[]>([])
  const [cursor, setCursor] = useState<string | null>(null)
  const [loading, setLoading] = useState(true)
  const [error, setError] = useState<string | null>(null)
  const [version, setVersion] = useState(0)
  const fetchRef = useRef(fetchPage)
  fetchRef.current = fetchPage
  const generation = useRef(0)

  const load = useCallback((from: string | undefined) => {
    const mine = generation.current
    const isCurrent = () => generation.current === mine
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

  // biome-ignore lint/correctness/useExhaustiveDependencies: key and version are the triggers
  useEffect(() => {
    generation.current += 1
    load(undefined)
    return () => {
      generation.current += 1
    }
  }, [load, key, version])

  const loadMore = useCallback(() => {
    if (cursor) load(cursor)
  }, [cursor, load])

  const upsert = useCallback((item: T) => {
    setItems((prev) =>
      prev.some((i) => i.id === item.id) ? prev.map((i) => (i.id === item.id ? item : i)) : [item, ...prev],
    )
  }, [])

  const remove = useCallback((id: string) => setItems((prev) => prev.filter((i) => i.id !== id)), [])
  const reload = useCallback(() => setVersion((v) => v + 1), [])

  return { items, loading, error, hasMore: cursor !== null, loadMore, upsert, remove, reload }
}
