import { type FormEvent, useState } from 'react'
import {
  ApiError,
  type AttributeDefinition,
  type Customer,
  errorMessage,
  updateCustomer,
} from '../../../api/index.js'
import { sentence } from '../../../ui/format.js'
import { useAnnounce } from '../../../ui/status.js'
import { AttributeValueInput, formatAttributeValue } from '../attribute-value-input.js'

/** The workspace's custom attributes for this customer, each edited with the input its type needs. */
export function CustomerAttributesCard({
  customer,
  definitions,
  canEdit,
  onSaved,
}: {
  customer: Customer
  definitions: AttributeDefinition[]
  canEdit: boolean
  onSaved: (customer: Customer) => void
}) {
  const announce = useAnnounce()
  const [draft, setDraft] = useState<Record<string, unknown> | null>(null)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [formError, setFormError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  if (definitions.length === 0) return null

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (!draft) return
    // A patch: changed values, and null for a value taken away.
    const patch: Record<string, unknown> = {}
    for (const d of definitions) {
      const before = customer.attributes[d.key]
      const after = draft[d.key]
      if (JSON.stringify(before) !== JSON.stringify(after)) patch[d.key] = after === undefined ? null : after
    }
    if (Object.keys(patch).length === 0) {
      setDraft(null)
      return
    }
    setBusy(true)
    setErrors({})
    setFormError(null)
    try {
      const saved = await updateCustomer(customer.id, { attributes: patch })
      announce('Custom attributes have been saved.')
      onSaved(saved)
      setDraft(null)
    } catch (err) {
      const byKey: Record<string, string> = {}
      if (err instanceof ApiError)
        for (const issue of err.errors) {
          const key = /attributes\.([a-z0-9_]+)/.exec(issue.path)?.[1]
          if (key) byKey[key] = sentence(issue.message)
        }
      setErrors(byKey)
      setFormError(Object.keys(byKey).length ? null : sentence(errorMessage(err)))
    } finally {
      setBusy(false)
    }
  }

  return (
    <section className="card" aria-labelledby="attributes-title">
      <div className="card-header">
        <h2 id="attributes-title">Custom attributes</h2>
        {canEdit && !draft && (
          <button
            type="button"
            className="button button-small"
            onClick={() => setDraft({ ...customer.attributes })}
          >
            Edit attributes
          </button>
        )}
      </div>
      {draft ? (
        <form className="form" onSubmit={submit} noValidate aria-label="Custom attributes">
          {definitions.map((d) => (
            <div className="field" key={d.key}>
              <label htmlFor={`attr-${d.key}`}>
                {d.label}
                {d.required && <span className="muted"> (required)</span>}
              </label>
              <AttributeValueInput
                id={`attr-${d.key}`}
                definition={d}
                value={draft[d.key]}
                invalid={Boolean(errors[d.key])}
                onChange={(value) => setDraft((prev) => ({ ...prev, [d.key]: value }))}
              />
              {errors[d.key] && <p className="field-error">{errors[d.key]}</p>}
            </div>
          ))}
          <div className="form-footer">
            <div aria-live="polite">{formError && <p className="inline-error">{formError}</p>}</div>
            <div className="button-row">
              <button type="button" className="button" onClick={() => setDraft(null)}>
                Cancel
              </button>
              <button type="submit" className="button button-primary" disabled={busy}>
                {busy ? 'Saving…' : 'Save attributes'}
              </button>
            </div>
          </div>
        </form>
      ) : (
        <dl className="facts">
          {definitions.map((d) => (
            <div key={d.key} className="fact">
              <dt>{d.label}</dt>
              <dd>{formatAttributeValue(d, customer.attributes[d.key])}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  )
}
