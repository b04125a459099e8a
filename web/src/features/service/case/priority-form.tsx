import { type FormEvent, useState } from 'react'
import {
  CASE_PRIORITIES,
  type Case,
  type CasePriority,
  errorMessage,
  isApiError,
  overrideCasePriority,
} from '../../../api/index.js'
import { SelectField, TextField } from '../../../ui/field.js'
import { sentence } from '../../../ui/format.js'
import { useAnnounce } from '../../../ui/status.js'
import { PRIORITY_LABELS } from '../service-labels.js'

/** Overrides the matrix priority; the API demands a reason, and so does this form. */
export function PriorityForm({
  kase: c,
  onCancel,
  onSaved,
}: {
  kase: Case
  onCancel: () => void
  onSaved: (c: Case) => void
}) {
  const announce = useAnnounce()
  const [priority, setPriority] = useState<CasePriority>(c.priority)
  const [reason, setReason] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [reasonError, setReasonError] = useState<string | undefined>()
  const [busy, setBusy] = useState(false)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (!reason.trim()) {
      setReasonError('Say why the matrix priority does not fit.')
      return
    }
    setBusy(true)
    setError(null)
    setReasonError(undefined)
    try {
      const next = await overrideCasePriority(c.id, priority, reason.trim())
      announce(`Priority set to ${PRIORITY_LABELS[priority].toLowerCase()}.`)
      onSaved(next)
    } catch (err) {
      const field = isApiError(err) ? err.fieldError('reason') : undefined
      if (field) setReasonError(sentence(field))
      else setError(sentence(errorMessage(err)))
    } finally {
      setBusy(false)
    }
  }

  return (
    <form className="form" onSubmit={submit} noValidate aria-label="Override priority">
      <SelectField
        label="Priority"
        value={priority}
        onChange={(e) => setPriority(e.target.value as CasePriority)}
      >
        {CASE_PRIORITIES.map((p) => (
          <option key={p} value={p}>
            {PRIORITY_LABELS[p]}
          </option>
        ))}
      </SelectField>
      <TextField
        label="Reason"
        value={reason}
        maxLength={500}
        onChange={(e) => setReason(e.target.value)}
        error={reasonError}
      />
      {error && (
        <p className="inline-error" role="alert">
          {error}
        </p>
      )}
      <div className="button-row">
        <button type="submit" className="button button-primary button-small" disabled={busy}>
          Save priority
        </button>
        <button type="button" className="button button-small" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  )
}
