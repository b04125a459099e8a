import { useEffect, useRef } from 'react'
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
  const menu = useRef<HTMLDetailsElement>(null)

  // A <details> stays open until its summary is clicked again; a menu should also close on a
  // click elsewhere or on Escape (which hands focus back to the button).
  useEffect(() => {
    const close = (event: Event) => {
      const details = menu.current
      if (!details?.open) return
      if (event instanceof KeyboardEvent) {
        if (event.key !== 'Escape') return
        details.open = false
        details.querySelector('summary')?.focus()
      } else if (!details.contains(event.target as Node)) details.open = false
    }
    document.addEventListener('pointerdown', close)
    document.addEventListener('keydown', close)
    return () => {
      document.removeEventListener('pointerdown', close)
      document.removeEventListener('keydown', close)
    }
  }, [])

  return (
    <details className="menu" ref={menu}>
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
