import { useEffect, useRef, useState } from 'react'

const DEBOUNCE_MS = 250

/**
 * The list's search field. It reports the text a moment after typing stops, so a word typed
 * quickly costs one request, not one per letter; Enter reports at once.
 */
export function CustomerSearchBox({ value, onSearch }: { value: string; onSearch: (q: string) => void }) {
  const [text, setText] = useState(value)
  const reported = useRef(value)

  // A change from outside (a segment picked, filters cleared) replaces what is in the box.
  useEffect(() => {
    if (value !== reported.current) {
      reported.current = value
      setText(value)
    }
  }, [value])

  useEffect(() => {
    if (text.trim() === reported.current) return
    const timer = window.setTimeout(() => {
      reported.current = text.trim()
      onSearch(text.trim())
    }, DEBOUNCE_MS)
    return () => window.clearTimeout(timer)
  }, [text, onSearch])

  return (
    <search className="search-box">
      <label htmlFor="customer-search" className="visually-hidden">
        Search customers
      </label>
      <input
        id="customer-search"
        type="search"
        className="input"
        placeholder="Search by name, email, phone or id"
        autoComplete="off"
        spellCheck={false}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            reported.current = text.trim()
            onSearch(text.trim())
          }
        }}
      />
    </search>
  )
}
