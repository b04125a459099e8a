import { type FormEvent, useState } from 'react'
import {
  type CustomerFilter,
  createSegment,
  deleteSegment,
  errorMessage,
  type Segment,
  updateSegment,
} from '../../../api/index.js'
import { useConfirm } from '../../../ui/confirm-dialog.js'
import { sentence } from '../../../ui/format.js'
import { useAnnounce } from '../../../ui/status.js'

type Mode = 'idle' | 'save' | 'rename'

/**
 * Save the current filter as a segment, or (for the segment in use) rename it, store the
 * changed filter in it, or delete it.
 */
export function SegmentActions({
  filter,
  active,
  modified,
  onSaved,
  onDeleted,
}: {
  filter: CustomerFilter
  active: Segment | null
  /** The filter on screen differs from the active segment's. */
  modified: boolean
  onSaved: (segment: Segment) => void
  onDeleted: () => void
}) {
  const announce = useAnnounce()
  const { confirm, dialog } = useConfirm()
  const [mode, setMode] = useState<Mode>('idle')
  const [name, setName] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const hasFilter = Object.keys(filter).length > 0

  const open = (next: Mode) => {
    setMode(next)
    setName(next === 'rename' ? (active?.name ?? '') : '')
    setError(null)
  }

  const run = async (action: () => Promise<Segment>, message: (s: Segment) => string) => {
    setBusy(true)
    setError(null)
    try {
      const segment = await action()
      onSaved(segment)
      announce(message(segment))
      setMode('idle')
    } catch (err) {
      setError(sentence(errorMessage(err)))
    } finally {
      setBusy(false)
    }
  }

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (!name.trim()) {
      setError('Enter a name for the segment.')
      return
    }
    if (mode === 'save')
      void run(
        () => createSegment({ name: name.trim(), filter }),
        (s) => `Segment “${s.name}” has been saved.`,
      )
    if (mode === 'rename' && active)
      void run(
        () => updateSegment(active.id, { name: name.trim() }),
        (s) => `Segment renamed to “${s.name}”.`,
      )
  }

  const remove = async () => {
    if (!active) return
    const ok = await confirm({
      title: `Delete segment “${active.name}”?`,
      body: 'The saved filter goes away. No customer is changed.',
      confirmLabel: 'Delete segment',
    })
    if (!ok) return
    try {
      await deleteSegment(active.id)
      announce(`Segment “${active.name}” has been deleted.`)
      onDeleted()
    } catch (err) {
      announce(`Could not delete “${active.name}”: ${errorMessage(err)}`, 'error')
    }
  }

  if (mode !== 'idle') {
    return (
      <form className="segment-form" onSubmit={submit} noValidate>
        <label htmlFor="segment-name" className="field-label">
          {mode === 'save' ? 'Segment name' : 'New name'}
        </label>
        <input
          id="segment-name"
          className="input"
          // biome-ignore lint/a11y/noAutofocus: the field is what the person just asked for
          autoFocus
          value={name}
          onChange={(e) => setName(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'segment-error' : undefined}
        />
        {error && (
          <p id="segment-error" className="field-error">
            {error}
          </p>
        )}
        <div className="button-row">
          <button type="button" className="button button-small" onClick={() => setMode('idle')}>
            Cancel
          </button>
          <button type="submit" className="button button-small button-primary" disabled={busy}>
            {mode === 'save' ? 'Save segment' : 'Rename'}
          </button>
        </div>
      </form>
    )
  }

  return (
    <div className="segment-actions">
      {hasFilter && (!active || modified) && (
        <button type="button" className="button button-small" onClick={() => open('save')}>
          Save as segment
        </button>
      )}
      {active && modified && (
        <button
          type="button"
          className="button button-small"
          disabled={busy}
          onClick={() =>
            void run(
              () => updateSegment(active.id, { filter }),
              (s) => `Segment “${s.name}” now uses this filter.`,
            )
          }
        >
          Update “{active.name}”
        </button>
      )}
      {active && (
        <>
          <button type="button" className="button button-small button-quiet" onClick={() => open('rename')}>
            Rename
          </button>
          <button type="button" className="button button-small button-danger-quiet" onClick={remove}>
            Delete
          </button>
        </>
      )}
      {error && <p className="field-error">{error}</p>}
      {dialog}
    </div>
  )
}
