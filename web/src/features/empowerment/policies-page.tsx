import { type FormEvent, useState } from 'react'
import {
  type ActionTypeInput,
  createActionType,
  createPolicy,
  deletePolicy,
  GRANT_ACTION_KINDS,
  listActionTypes,
  listPolicies,
  type PolicyInput,
} from '../../api/empowerment.api.js'
import { errorMessage, ROLES } from '../../api/index.js'
import { useSession } from '../../session.js'
import { SelectField, TextField } from '../../ui/field.js'
import { capitalize } from '../../ui/format.js'
import { useAnnounce } from '../../ui/status.js'
import { useResource } from '../../ui/use-resource.js'
import { useWorkspaceFormat } from '../../ui/use-workspace-format.js'

const list = (s: string) =>
  s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean)

/** Authority policies per role (and tier, category, stage) and the action types agents may grant. */
export function PoliciesPage() {
  const { can } = useSession()
  const fmt = useWorkspaceFormat()
  const announce = useAnnounce()
  const canEdit = can('empowerment:admin')
  const policies = useResource(listPolicies, 'policies')
  const actions = useResource(listActionTypes, 'actions')
  const remove = async (id: string, name: string) => {
    try {
      await deletePolicy(id)
      policies.reload()
      announce(`Policy “${name}” deleted.`)
    } catch (err) {
      announce(errorMessage(err), 'error')
    }
  }
  return (
    <div className="empowerment-policies">
      <section className="section" aria-labelledby="policies-title">
        <div className="section-header">
          <div>
            <h2 id="policies-title">Authority policies</h2>
            <p className="muted">
              What each role may grant without asking. Where several apply, the most generous wins; owners and
              admins without a policy have no limit.
            </p>
          </div>
        </div>
        <div className="table-wrap">
          <table className="table table-stack">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Role</th>
                <th scope="col">Per grant</th>
                <th scope="col">Per customer</th>
                <th scope="col">Per person a month</th>
                <th scope="col">Conditions</th>
                {canEdit && (
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {policies.data?.items.map((p) => (
                <tr key={p.id} className={p.active ? undefined : 'row-muted'}>
                  <th scope="row">{p.name}</th>
                  <td data-label="Role">{capitalize(p.role)}</td>
                  <td data-label="Per grant">{fmt.money(p.maxPerGrant)}</td>
                  <td data-label="Per customer">
                    {p.maxPerCustomer ? `${fmt.money(p.maxPerCustomer)} / ${p.customerPeriodDays} days` : '—'}
                  </td>
                  <td data-label="Per person a month">{fmt.money(p.maxPerAgentMonth)}</td>
                  <td data-label="Conditions">
                    {[
                      p.tiers.length ? `tiers ${p.tiers.join(', ')}` : '',
                      p.categories.length ? `categories ${p.categories.join(', ')}` : '',
                      p.stages.length ? `stages ${p.stages.join(', ')}` : '',
                    ]
                      .filter(Boolean)
                      .join('; ') || 'any customer'}
                  </td>
                  {canEdit && (
                    <td>
                      <button
                        type="button"
                        className="button button-small"
                        onClick={() => void remove(p.id, p.name)}
                      >
                        Delete
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {canEdit && <NewPolicyForm onCreated={policies.reload} />}
      </section>
      <section className="section" aria-labelledby="actions-title">
        <h2 id="actions-title">Action types</h2>
        <ul className="goodwill-list">
          {actions.data?.items.map((a) => (
            <li key={a.id}>
              <span>
                {a.name} <span className="muted">({a.kind.replace('_', ' ')})</span>
              </span>
              <strong>{a.costRule === 'fixed' ? fmt.money(a.fixedAmount) : 'amount entered'}</strong>
            </li>
          ))}
        </ul>
        {canEdit && <NewActionForm onCreated={actions.reload} />}
      </section>
    </div>
  )
}

function NewPolicyForm({ onCreated }: { onCreated: () => void }) {
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

function NewActionForm({ onCreated }: { onCreated: () => void }) {
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
