import { type FormEvent, useEffect, useRef, useState } from 'react'
import {
  ATTRIBUTE_TYPES,
  type AttributeDefinition,
  type AttributeType,
  createAttribute,
  updateAttribute,
} from '../../api/index.js'
import { SelectField, TextField } from '../../ui/field.js'
import { type FormErrors, splitFieldErrors } from '../customers/field-errors.js'

const FIELDS = ['key', 'label', 'type', 'options', 'required'] as const
type Field = (typeof FIELDS)[number]

export const TYPE_LABELS: Record<AttributeType, string> = {
  text: 'Text',
  number: 'Number',
  date: 'Date',
  boolean: 'Yes / no',
  select: 'One of a list',
  multiselect: 'Several of a list',
}

const hasOptions = (type: AttributeType) => type === 'select' || type === 'multiselect'

/** A key from a label: "Preferred grind" → preferred_grind. */
const keyOf = (label: string) =>
  label
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^[^a-z]+|_+$/g, '')
    .slice(0, 63)

/** Creates an attribute, or edits one (label, options, required; key and type stay). */
export function AttributeForm({
  editing,
  onSaved,
  onCancel,
}: {
  editing?: AttributeDefinition
  onSaved: (definition: AttributeDefinition) => void
  onCancel: () => void
}) {
  const [label, setLabel] = useState(editing?.label ?? '')
  const [key, setKey] = useState(editing?.key ?? '')
  const [keyTouched, setKeyTouched] = useState(Boolean(editing))
  const [type, setType] = useState<AttributeType>(editing?.type ?? 'text')
  const [options, setOptions] = useState((editing?.options ?? []).join('\n'))
  const [required, setRequired] = useState(editing?.required ?? false)
  const [errors, setErrors] = useState<FormErrors<Field>>({ fields: {}, form: null })
  const [busy, setBusy] = useState(false)
  const form = useRef<HTMLFormElement>(null)
  const title = editing ? `Edit “${editing.label}”` : 'New attribute'

  useEffect(() => {
    form.current?.querySelector<HTMLInputElement>('input')?.focus()
  }, [])

  const optionList = options
    .split('\n')
    .map((o) => o.trim())
    .filter(Boolean)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const local: Partial<Record<Field, string>> = {}
    if (!label.trim()) local.label = 'Enter a label.'
    if (!editing && !/^[a-z][a-z0-9_]{0,62}$/.test(key))
      local.key = 'Lower-case letters, digits and _, starting with a letter.'
    if (hasOptions(type) && optionList.length === 0) local.options = 'Enter at least one option.'
    if (Object.keys(local).length) {
      setErrors({ fields: local, form: null })
      return
    }
    setBusy(true)
    setErrors({ fields: {}, form: null })
    try {
      const saved = editing
        ? await updateAttribute(editing.id, {
            label: label.trim(),
            required,
            ...(hasOptions(type) && { options: optionList }),
          })
        : await createAttribute({
            key,
            label: label.trim(),
            type,
            required,
            options: hasOptions(type) ? optionList : [],
          })
      onSaved(saved)
    } catch (err) {
      setErrors(splitFieldErrors(err, FIELDS, { ATTRIBUTE_KEY_TAKEN: 'key', ATTRIBUTE_IN_USE: 'options' }))
      setBusy(false)
    }
  }

  return (
    <form ref={form} className="card form form-grid" onSubmit={submit} noValidate aria-label={title}>
      <h3 className="form-title">{title}</h3>
      <TextField
        label="Label"
        value={label}
        onChange={(e) => {
          setLabel(e.target.value)
          if (!keyTouched) setKey(keyOf(e.target.value))
        }}
        error={errors.fields.label}
      />
      <TextField
        label="Key"
        className="input input-mono"
        value={key}
        readOnly={Boolean(editing)}
        onChange={(e) => {
          setKeyTouched(true)
          setKey(e.target.value)
        }}
        error={errors.fields.key}
        hint={editing ? 'The key cannot change.' : 'Used in the API and in CSV columns.'}
      />
      <SelectField
        label="Type"
        value={type}
        disabled={Boolean(editing)}
        onChange={(e) => setType(e.target.value as AttributeType)}
        error={errors.fields.type}
      >
        {ATTRIBUTE_TYPES.map((t) => (
          <option key={t} value={t}>
            {TYPE_LABELS[t]}
          </option>
        ))}
      </SelectField>
      <label className="checkbox form-check">
        <input type="checkbox" checked={required} onChange={(e) => setRequired(e.target.checked)} />
        Required on every customer
      </label>
      {hasOptions(type) && (
        <div className="field form-wide">
          <label htmlFor="attribute-options">Options</label>
          <textarea
            id="attribute-options"
            className="input textarea"
            rows={4}
            value={options}
            onChange={(e) => setOptions(e.target.value)}
            aria-invalid={errors.fields.options ? true : undefined}
            aria-describedby="attribute-options-note"
          />
          <p id="attribute-options-note" className={errors.fields.options ? 'field-error' : 'field-hint'}>
            {errors.fields.options ?? 'One per line. An option still set on customers cannot be removed.'}
          </p>
        </div>
      )}
      <div className="form-footer">
        <div aria-live="polite">{errors.form && <p className="inline-error">{errors.form}</p>}</div>
        <div className="button-row">
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? 'Saving…' : editing ? 'Save attribute' : 'Create attribute'}
          </button>
        </div>
      </div>
    </form>
  )
}
