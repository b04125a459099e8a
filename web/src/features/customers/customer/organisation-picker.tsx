import { useEffect, useId, useState } from 'react'
import { type Customer, searchCustomers } from '../../../api/index.js'

type Organisation = { id: string; name: string }

/** Picks the organisation a person is a contact of, by searching organisations by name. */
export function OrganisationPicker({
  value,
  onChange,
  error,
}: {
  value: Organisation | null
  onChange: (organisation: Organisation | null) => void
  error?: string
}) {
  const id = useId()
  const [text, setText] = useState('')
  const [results, setResults] = useState<Customer[]>([])

  useEffect(() => {
    const q = text.trim()
    if (!q) {
      setResults([])
      return
    }
    let current = true
    const timer = window.setTimeout(() => {
      searchCustomers({ filter: { kind: 'organisation', q }, limit: 6 })
        .then((page) => current && setResults(page.items))
        .catch(() => current && setResults([]))
    }, 250)
    return () => {
      current = false
      window.clearTimeout(timer)
    }
  }, [text])

  if (value)
    return (
      <div className="field">
        <span className="field-label">Organisation</span>
        <div className="picked">
          <span>{value.name}</span>
          <button
            type="button"
            className="button button-small button-quiet"
            aria-label={`Remove organisation ${value.name}`}
            onClick={() => onChange(null)}
          >
            Remove
          </button>
        </div>
        {error && <p className="field-error">{error}</p>}
      </div>
    )

  return (
    <div className="field">
      <label htmlFor={id}>Organisation</label>
      <input
        id={id}
        type="search"
        className="input"
        placeholder="Search organisations"
        autoComplete="off"
        value={text}
        onChange={(e) => setText(e.target.value)}
        aria-invalid={error ? true : undefined}
      />
      {results.length > 0 && (
        <ul className="pick-list" aria-label="Matching organisations">
          {results.map((org) => (
            <li key={org.id}>
              <button
                type="button"
                className="pick-item"
                onClick={() => {
                  onChange({ id: org.id, name: org.name })
                  setText('')
                }}
              >
                {org.name}
                {org.country && <span className="muted"> · {org.country}</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
      {error && <p className="field-error">{error}</p>}
    </div>
  )
}
