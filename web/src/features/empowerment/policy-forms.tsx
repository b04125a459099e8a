import { type FormEvent, useState } from 'react'
import {
  type ActionTypeInput,
  createActionType,
  createPolicy,
  GRANT_ACTION_KINDS,
  type PolicyInput,
} from '../../api/empowerment.api.js'
import { errorMessage, ROLES } from '../../api/index.js'
import { SelectField, TextField } from '../../ui/field.js'
import { capitalize } from '../../ui/format.js'

const list = (s: string) =>
  s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean)

/** Adds an authority policy (role, limits, tier and category conditions). */
export function NewPolicyForm({ onCreated }: { onCreated: () => void }) {
  const [form, setForm] = useState({
    name: '',
    role: 'agent',
    maxPerGrant: '',
    maxPerCustomer: '',
    days: '30',
    month: '',
    tiers: '',
    categories: '',
  })
  const [error, setError] = useState<string | null>(null)
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm({ ...form, [k]: e.target.value })
  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setError(null)
    const input: PolicyInput = {
      name: form.name,
      role: form.role,
      teamId: null,
      maxPerGrant: form.maxPerGrant,
      maxPerCustomer: form.maxPerCustomer || null,
      customerPeriodDays: Number(form.days),
      maxPerAgentMonth: form.month || null,
      tiers: list(form.tiers),
      categories: list(form.categories),
      stages: [],
      active: true,
    }
    try {
      await createPolicy(input)
      setForm({
        ...form,
        name: '',
        maxPerGrant: '',
        maxPerCustomer: '',
        month: '',
        tiers: '',
        categories: '',
      })
      onCreated()
    } catch (err) {
      setError(errorMessage(err))
    }
  }
  return (
    <form className="card policy-form" onSubmit={submit} aria-label="New policy">
      <h3>New policy</h3>
      <div className="form-grid">
        <TextField label="Name" value={form.name} onChange={set('name')} required />
        <SelectField label="Role" value={form.role} onChange={set('role')}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {capitalize(r)}
            </option>
          ))}
        </SelectField>
        <TextField
          label="Max per grant"
          value={form.maxPerGrant}
          onChange={set('maxPerGrant')}
          required
          inputMode="decimal"
        />
        <TextField
          label="Max per customer"
          value={form.maxPerCustomer}
          onChange={set('maxPerCustomer')}
          inputMode="decimal"
        />
        <TextField
          label="Customer period (days)"
          value={form.days}
          onChange={set('days')}
          inputMode="numeric"
        />
        <TextField
          label="Max per person a month"
          value={form.month}
          onChange={set('month')}
          inputMode="decimal"
        />
        <TextField label="Tiers (comma-separated)" value={form.tiers} onChange={set('tiers')} />
        <TextField
          label="Case categories (comma-separated)"
          value={form.categories}
          onChange={set('categories')}
        />
      </div>
      {error && (
        <p className="inline-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="button button-primary">
        Add policy
      </button>
    </form>
  )
}

/** Adds an action type with its cost rule. */
export function NewActionForm({ onCreated }: { onCreated: () => void }) {
  const [form, setForm] = useState<ActionTypeInput>({
    kind: 'custom',
    name: '',
    costRule: 'entered',
    fixedAmount: null,
    active: true,
  })
  const [error, setError] = useState<string | null>(null)
  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setError(null)
    try {
      await createActionType({ ...form, fixedAmount: form.costRule === 'fixed' ? form.fixedAmount : null })
      setForm({ ...form, name: '', fixedAmount: null })
      onCreated()
    } catch (err) {
      setError(errorMessage(err))
    }
  }
  return (
    <form className="card policy-form" onSubmit={submit} aria-label="New action type">
      <h3>New action type</h3>
      <div className="form-grid">
        <TextField
          label="Name"
          value={form.name}
          onChange={(e) => setForm({ ...form, name: e.target.value })}
          required
        />
        <SelectField
          label="Kind"
          value={form.kind}
          onChange={(e) => setForm({ ...form, kind: e.target.value as ActionTypeInput['kind'] })}
        >
          {GRANT_ACTION_KINDS.map((k) => (
            <option key={k} value={k}>
              {capitalize(k.replace('_', ' '))}
            </option>
          ))}
        </SelectField>
        <SelectField
          label="Cost"
          value={form.costRule}
          onChange={(e) => setForm({ ...form, costRule: e.target.value as 'entered' | 'fixed' })}
        >
          <option value="entered">Entered per grant</option>
          <option value="fixed">Fixed</option>
        </SelectField>
        {form.costRule === 'fixed' && (
          <TextField
            label="Fixed amount"
            value={form.fixedAmount ?? ''}
            onChange={(e) => setForm({ ...form, fixedAmount: e.target.value })}
            required
            inputMode="decimal"
          />
        )}
      </div>
      {error && (
        <p className="inline-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="button button-primary">
        Add action type
      </button>
    </form>
  )
}
