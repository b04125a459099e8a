import type { CustomerColumn } from './customer-columns.js'

/** A menu of checkboxes, one per column that may be shown. */
export function ColumnChooser({
  columns,
  shown,
  onToggle,
  onReset,
}: {
  columns: CustomerColumn[]
  shown: string[]
  onToggle: (id: string, on: boolean) => void
  onReset: () => void
}) {
  return (
    <details className="menu">
      <summary className="button">Columns</summary>
      <div className="menu-panel">
        <fieldset className="menu-checks">
          <legend className="visually-hidden">Columns to show</legend>
          {columns.map((column) => (
            <label key={column.id} className="checkbox">
              <input
                type="checkbox"
                checked={shown.includes(column.id)}
                onChange={(e) => onToggle(column.id, e.target.checked)}
              />
              {column.label}
            </label>
          ))}
        </fieldset>
        <button type="button" className="button button-small button-quiet" onClick={onReset}>
          Reset to default
        </button>
      </div>
    </details>
  )
}
