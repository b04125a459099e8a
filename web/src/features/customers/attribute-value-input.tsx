import type { AttributeDefinition } from '../../api/index.js'

/**
 * The input that fits an attribute's type: a number field, a date picker, yes/no, a list of its
 * options, or checkboxes for a multi-select. `value` is what the API stores (string, number,
 * boolean, string[]); undefined means no value.
 */
export function AttributeValueInput({
  definition,
  value,
  onChange,
  id,
  label,
  invalid,
}: {
  definition: AttributeDefinition
  value: unknown
  onChange: (value: unknown) => void
  id?: string
  /** An accessible name when no <label> points at `id`. */
  label?: string
  invalid?: boolean
}) {
  const common = { id, 'aria-label': label, 'aria-invalid': invalid || undefined }
  switch (definition.type) {
    case 'number':
      return (
        <input
          {...common}
          type="number"
          step="any"
          className="input"
          value={typeof value === 'number' || typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.target.value === '' ? undefined : Number(e.target.value))}
        />
      )
    case 'date':
      return (
        <input
          {...common}
          type="date"
          className="input"
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.target.value || undefined)}
        />
      )
    case 'boolean':
      return (
        <select
          {...common}
          className="input"
          value={value === true ? 'true' : value === false ? 'false' : ''}
          onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value === 'true')}
        >
          <option value="">—</option>
          <option value="true">Yes</option>
          <option value="false">No</option>
        </select>
      )
    case 'select':
      return (
        <select
          {...common}
          className="input"
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.target.value || undefined)}
        >
          <option value="">—</option>
          {definition.options.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      )
    case 'multiselect': {
      const chosen = Array.isArray(value) ? (value as string[]) : []
      return (
        <fieldset className="checkbox-group" id={id} aria-label={label}>
          {definition.options.map((o) => (
            <label key={o} className="checkbox">
              <input
                type="checkbox"
                checked={chosen.includes(o)}
                onChange={(e) => {
                  const next = e.target.checked ? [...chosen, o] : chosen.filter((c) => c !== o)
                  onChange(next.length ? next : undefined)
                }}
              />
              {o}
            </label>
          ))}
        </fieldset>
      )
    }
    default:
      return (
        <input
          {...common}
          type="text"
          className="input"
          value={typeof value === 'string' ? value : value == null ? '' : String(value)}
          onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}
        />
      )
  }
}

/** A stored attribute value as text for tables and the profile. */
export function formatAttributeValue(definition: AttributeDefinition | undefined, value: unknown): string {
  if (value === undefined || value === null || value === '') return '—'
  if (Array.isArray(value)) return value.join(', ')
  if (typeof value === 'boolean' || definition?.type === 'boolean') return value ? 'Yes' : 'No'
  return String(value)
}
