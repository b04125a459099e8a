import { useEffect, useRef } from 'react'
import type { Shortcut } from './use-shortcuts.js'

const keyName = (key: string) => (key === 'Enter' ? 'Enter' : key)

/** The list of shortcuts, shown on "?" in a native modal dialog (Escape closes it). */
export function ShortcutsHelp({ shortcuts, onClose }: { shortcuts: Shortcut[]; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    const dialog = ref.current
    if (dialog && !dialog.open) dialog.showModal()
  }, [])
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby="shortcuts-title"
      onCancel={(event) => {
        event.preventDefault()
        onClose()
      }}
    >
      <h2 id="shortcuts-title">Keyboard shortcuts</h2>
      <dl className="shortcut-list">
        {shortcuts.map((s) => (
          <div key={s.key}>
            <dt>
              <kbd>{keyName(s.key)}</kbd>
            </dt>
            <dd>{s.description}</dd>
          </div>
        ))}
      </dl>
      <p className="muted">Shortcuts do nothing while you type in a field.</p>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose}>
          Close
        </button>
      </div>
    </dialog>
  )
}
