import { useCallback, useEffect, useRef, useState } from 'react'
import { errorMessage } from '../api/index.js'

export interface Resource<T> {
  data: T | null
  loading: boolean
  error: string | null
  /** Fetches again (after a change elsewhere); the old data stays on screen meanwhile. */
  reload: () => void
  /** Replaces the data with a fresh copy the caller already has (an update's response). */
  set: (data: T) => void
}

/**
 * One thing fetched from the server when `key` changes: a customer, the roles matrix. An answer
 * that arrives after the key moved on is dropped, so a fast navigation never shows stale data.
 */
export function useResource<T>(fetch: () => Promise<T>, key: string): Resource<T> {
  const [data, setData] = useState<T | null>(null)
  const [loading, setLoading] = useState(true)
  const [error, setError] = useState<string | null>(null)
  const [version, setVersion] = useState(0)
  const fetchRef = useRef(fetch)
  fetchRef.current = fetch

  // biome-ignore lint/correctness/useExhaustiveDependencies: key and version are the triggers
  useEffect(() => {
    let current = true
    setLoading(true)
    setError(null)
    fetchRef
      .current()
      .then((value) => {
        if (current) setData(value)
      })
      .catch((err: unknown) => {
        if (current) setError(errorMessage(err))
      })
      .finally(() => {
        if (current) setLoading(false)
      })
    return () => {
      current = false
    }
  }, [key, version])

  const reload = useCallback(() => setVersion((v) => v + 1), [])
  return { data, loading, error, reload, set: setData }
}
