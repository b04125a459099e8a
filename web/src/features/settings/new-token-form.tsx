import { type FormEvent, useEffect, useRef, useState } from 'react'
import { ApiError, type CreatedApiToken, createToken, errorMessage, type Role } from '../../api/index.js'
import { SelectField, TextField } from '../../ui/field.js'
import { capitalize, sentence } from '../../ui/format.js'

export function NewTokenForm({
  roles,
  onCreated,
  onCancel,
}: {
  roles: Role[]
  onCreated: (token: CreatedApiToken) => void
  onCancel: () => void
}) {
  const [name, setName] = useState('')
  const [role, setRole] = useState<Role>(
    roles.includes('analyst') ? 'analyst' : (roles[roles.length - 1] ?? 'viewer'),
  )
  const [error, setError] = useState<{ name?: string; role?: string; form?: string }>({})
  const [busy, setBusy] = useState(false)
  const form = useRef<HTMLFormElement>(null)

  useEffect(() => {
    form.current?.querySelector('input')?.focus()
  }, [])

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (!name.trim()) {
      setError({ name: 'Enter a name that says where the token is used.' })
      form.current?.querySelector('input')?.focus()
      return
    }
    setBusy(true)
    setError({})
    try {
      onCreated(await createToken({ name, role }))
    } catch (err) {
      const nameError = err instanceof ApiError ? err.fieldError('name') : undefined
      const roleError = err instanceof ApiError ? err.fieldError('role') : undefined
      setError({
        ...(nameError && { name: sentence(nameError) }),
        ...(roleError && { role: sentence(roleError) }),
        ...(!nameError && !roleError && { form: sentence(errorMessage(err)) }),
      })
      setBusy(false)
    }
  }

  return (
    <form
      ref={form}
      className="card form form-grid"
      onSubmit={submit}
      noValidate
      aria-labelledby="new-token-title"
    >
      <h3 id="new-token-title" className="form-title">
        New API token
      </h3>
      <TextField
        label="Token name"
        autoComplete="off"
        placeholder="e.g. Nightly CRM sync"
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={error.name}
      />
      <SelectField
        label="Role"
        value={role}
        onChange={(e) => setRole(e.target.value as Role)}
        error={error.role}
        hint="The token may do what this role may do."
      >
        {roles.map((r) => (
          <option key={r} value={r}>
            {capitalize(r)}
          </option>
        ))}
      </SelectField>
      <div className="form-footer">
        <div aria-live="polite">{error.form && <p className="inline-error">{error.form}</p>}</div>
        <div className="button-row">
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? 'Creating…' : 'Create token'}
          </button>
        </div>
      </div>
    </form>
  )
}
