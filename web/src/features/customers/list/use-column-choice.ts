import { useCallback, useState } from 'react'
import { DEFAULT_COLUMNS } from './customer-columns.js'

const STORAGE_KEY = 'centric.customers.columns'

function read(): string[] {
  try {
    const raw = window.localStorage.getItem(STORAGE_KEY)
    const parsed: unknown = raw ? JSON.parse(raw) : null
    if (Array.isArray(parsed) && parsed.every((x) => typeof x === 'string')) return parsed
  } catch {
    // Storage may be off (private mode) or hold junk: the defaults do.
  }
  return DEFAULT_COLUMNS
}

/** The columns this browser shows in the customer list, kept in localStorage across visits. */
export function useColumnChoice() {
  const [shown, setShown] = useState<string[]>(read)
  const toggle = useCallback((id: string, on: boolean) => {
    setShown((prev) => {
      const next = on ? [...prev.filter((x) => x !== id), id] : prev.filter((x) => x !== id)
      try {
        window.localStorage.setItem(STORAGE_KEY, JSON.stringify(next))
      } catch {
        // Not saved; the choice still holds for this visit.
      }
      return next
    })
  }, [])
  const reset = useCallback(() => {
    try {
      window.localStorage.removeItem(STORAGE_KEY)
    } catch {}
    setShown(DEFAULT_COLUMNS)
  }, [])
  return { shown, toggle, reset }
}
