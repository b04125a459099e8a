import { type FormEvent, useState } from 'react'
import { addNote, errorMessage } from '../../../api/index.js'
import { sentence } from '../../../ui/format.js'
import { useAnnounce } from '../../../ui/status.js'

/** A note on the customer's timeline: what was said on a call, a promise made. */
export function NoteForm({ customerId, onAdded }: { customerId: string; onAdded: () => void }) {
  const announce = useAnnounce()
  const [text, setText] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (!text.trim()) {
      setError('Write the note first.')
      return
    }
    setBusy(true)
    setError(null)
    try {
      await addNote(customerId, text.trim())
      setText('')
      announce('The note has been added.')
      onAdded()
    } catch (err) {
      setError(sentence(errorMessage(err)))
    } finally {
      setBusy(false)
    }
  }

  return (
    <form className="note-form" onSubmit={submit} noValidate>
      <label htmlFor="note-text" className="visually-hidden">
        Note
      </label>
      <textarea
        id="note-text"
        className="input textarea"
        rows={2}
        maxLength={5000}
        placeholder="Add a note: what was said, what was promised"
        value={text}
        onChange={(e) => setText(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? 'note-error' : undefined}
      />
      {error && (
        <p id="note-error" className="field-error">
          {error}
        </p>
      )}
      <div className="button-row">
        <button type="submit" className="button button-small button-primary" disabled={busy}>
          {busy ? 'Adding…' : 'Add note'}
        </button>
      </div>
    </form>
  )
}
