import { type FormEvent, useEffect, useRef, useState } from 'react'
import {
  type AttributeDefinition,
  type Customer,
  type CustomerKind,
  createCustomer,
  LIFECYCLE_STAGES,
  type LifecycleStage,
} from '../../../api/index.js'
import { SelectField, TextField } from '../../../ui/field.js'
import { capitalize } from '../../../ui/format.js'
import { AttributeValueInput } from '../attribute-value-input.js'
import { type FormErrors, splitFieldErrors } from '../field-errors.js'

const FIELDS = [
  'name',
  'kind',
  'externalId',
  'emails',
  'phones',
  'country',
  'lifecycleStage',
  'attributes',
] as const
type Field = (typeof FIELDS)[number]

/** The few fields a new customer needs; the rest is edited on the customer's page. */
export function NewCustomerForm({
  definitions,
  onCreated,
  onCancel,
}: {
  definitions: AttributeDefinition[]
  onCreated: (customer: Customer) => void
  onCancel: () => void
}) {
  const [kind, setKind] = useState<CustomerKind>('person')
  const [name, setName] = useState('')
  const [email, setEmail] = useState('')
  const [phone, setPhone] = useState('')
  const [country, setCountry] = useState('')
  const [externalId, setExternalId] = useState('')
  const [stage, setStage] = useState<LifecycleStage>('customer')
  // Required attributes must be set at creation (the server refuses a customer without them).
  const required = definitions.filter((d) => d.required)
  const [attributes, setAttributes] = useState<Record<string, unknown>>({})
  const [errors, setErrors] = useState<FormErrors<Field>>({ fields: {}, form: null })
  const [busy, setBusy] = useState(false)
  const form = useRef<HTMLFormElement>(null)

  useEffect(() => {
    form.current?.querySelector<HTMLInputElement>('input')?.focus()
  }, [])

  const focusFirstError = () =>
    requestAnimationFrame(() => form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus())

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (!name.trim()) {
      setErrors({ fields: { name: 'Enter a name.' }, form: null })
      focusFirstError()
      return
    }
    setBusy(true)
    setErrors({ fields: {}, form: null })
    try {
      onCreated(
        await createCustomer({
          kind,
          name: name.trim(),
          lifecycleStage: stage,
          emails: email.trim() ? [email.trim()] : [],
          phones: phone.trim() ? [phone.trim()] : [],
          ...(country.trim() && { country: country.trim() }),
          ...(externalId.trim() && { externalId: externalId.trim() }),
          attributes,
        }),
      )
    } catch (err) {
      setErrors(splitFieldErrors(err, FIELDS, { CUSTOMER_EXTERNAL_ID_TAKEN: 'externalId' }))
      setBusy(false)
      focusFirstError()
    }
  }

  return (
    <form
      ref={form}
      className="card form form-grid"
      onSubmit={submit}
      noValidate
      aria-labelledby="new-customer-title"
    >
      <h2 id="new-customer-title" className="form-title">
        New customer
      </h2>
      <TextField
        label="Name"
        autoComplete="off"
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={errors.fields.name}
      />
      <SelectField label="Kind" value={kind} onChange={(e) => setKind(e.target.value as CustomerKind)}>
        <option value="person">Person</option>
        <option value="organisation">Organisation</option>
      </SelectField>
      <TextField
        label="Email"
        type="email"
        autoComplete="off"
        value={email}
        onChange={(e) => setEmail(e.target.value)}
        error={errors.fields.emails}
      />
      <TextField
        label="Phone"
        type="tel"
        autoComplete="off"
        value={phone}
        onChange={(e) => setPhone(e.target.value)}
        error={errors.fields.phones}
      />
      <TextField
        label="Country"
        autoComplete="off"
        value={country}
        onChange={(e) => setCountry(e.target.value)}
        error={errors.fields.country}
        hint="Two letters, e.g. DE"
        maxLength={2}
      />
      <TextField
        label="External id"
        autoComplete="off"
        value={externalId}
        onChange={(e) => setExternalId(e.target.value)}
        error={errors.fields.externalId}
        hint="Your id for them in another system (optional)"
      />
      <SelectField
        label="Lifecycle stage"
        value={stage}
        onChange={(e) => setStage(e.target.value as LifecycleStage)}
      >
        {LIFECYCLE_STAGES.map((s) => (
          <option key={s} value={s}>
            {capitalize(s)}
          </option>
        ))}
      </SelectField>
      {required.map((d) => (
        <div className="field" key={d.key}>
          <label htmlFor={`new-attr-${d.key}`}>{d.label}</label>
          <AttributeValueInput
            id={`new-attr-${d.key}`}
            definition={d}
            value={attributes[d.key]}
            onChange={(value) => setAttributes((a) => ({ ...a, [d.key]: value }))}
          />
        </div>
      ))}
      {errors.fields.attributes && <p className="field-error form-wide">{errors.fields.attributes}</p>}
      <div className="form-footer">
        <div aria-live="polite">{errors.form && <p className="inline-error">{errors.form}</p>}</div>
        <div className="button-row">
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? 'Creating…' : 'Create customer'}
          </button>
        </div>
      </div>
    </form>
  )
}
