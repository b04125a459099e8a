import { type FormEvent, useEffect, useRef, useState } from 'react'
import { ApiError, createUser, errorMessage, type NewUser, type Role, type User } from '../../api/index.js'
import { SelectField, TextField } from '../../ui/field.js'
import { capitalize, sentence } from '../../ui/format.js'

type Field = keyof NewUser
const FIELDS: Field[] = ['email', 'name', 'role', 'password']

/** Maps a refusal onto the fields it names (`body.email` → email); the rest is a form error. */
function splitErrors(err: unknown): { fields: Partial<Record<Field, string>>; form: string | null } {
  if (!(err instanceof ApiError)) return { fields: {}, form: errorMessage(err) }
  const fields: Partial<Record<Field, string>> = {}
  for (const f of FIELDS) {
    const message = err.fieldError(f)
    if (message) fields[f] = sentence(message)
  }
  if (err.code === 'USER_EMAIL_TAKEN' && !fields.email) fields.email = sentence(err.detail)
  const named = Object.keys(fields).length > 0
  return { fields, form: named ? null : sentence(err.detail) }
}

function localErrors(values: NewUser): Partial<Record<Field, string>> {
  const errors: Partial<Record<Field, string>> = {}
  if (!values.email.trim()) errors.email = 'Enter an email address.'
  if (!values.name.trim()) errors.name = 'Enter a name.'
  if (values.password.length < 10) errors.password = 'Use at least 10 characters.'
  return errors
}

export function NewUserForm({
  roles,
  onCreated,
  onCancel,
}: {
  roles: Role[]
  onCreated: (user: User) => void
  onCancel: () => void
}) {
  const [values, setValues] = useState<NewUser>({
    email: '',
    name: '',
    role: roles.includes('agent') ? 'agent' : (roles[roles.length - 1] ?? 'viewer'),
    password: '',
  })
  const [errors, setErrors] = useState<{ fields: Partial<Record<Field, string>>; form: string | null }>({
    fields: {},
    form: null,
  })
  const [busy, setBusy] = useState(false)
  const form = useRef<HTMLFormElement>(null)

  useEffect(() => {
    form.current?.querySelector('input')?.focus()
  }, [])

  const set = (field: Field) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [field]: e.target.value }))

  const focusFirstError = () =>
    requestAnimationFrame(() => form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus())

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    // The obvious mistakes get plain words before a round trip; the server checks everything again.
    const missing = localErrors(values)
    if (Object.keys(missing).length > 0) {
      setErrors({ fields: missing, form: null })
      focusFirstError()
      return
    }
    setBusy(true)
    setErrors({ fields: {}, form: null })
    try {
      onCreated(await createUser(values))
    } catch (err) {
      setErrors(splitErrors(err))
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
      aria-labelledby="new-user-title"
    >
      <h3 id="new-user-title" className="form-title">
        New user
      </h3>
      <TextField
        label="Email"
        type="email"
        autoComplete="off"
        value={values.email}
        onChange={set('email')}
        error={errors.fields.email}
      />
      <TextField
        label="Name"
        autoComplete="off"
        value={values.name}
        onChange={set('name')}
        error={errors.fields.name}
      />
      <SelectField label="Role" value={values.role} onChange={set('role')} error={errors.fields.role}>
        {roles.map((r) => (
          <option key={r} value={r}>
            {capitalize(r)}
          </option>
        ))}
      </SelectField>
      <TextField
        label="Password"
        type="password"
        autoComplete="new-password"
        value={values.password}
        onChange={set('password')}
        error={errors.fields.password}
        hint="At least 10 characters. Share it with them privately."
      />
      <div className="form-footer">
        <div aria-live="polite">{errors.form && <p className="inline-error">{errors.form}</p>}</div>
        <div className="button-row">
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? 'Creating…' : 'Create user'}
          </button>
        </div>
      </div>
    </form>
  )
}
