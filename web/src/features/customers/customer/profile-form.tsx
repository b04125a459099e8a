import { type FormEvent, useEffect, useRef, useState } from 'react'
import {
  type Customer,
  type CustomerProfile,
  LIFECYCLE_STAGES,
  type LifecycleStage,
  listUsers,
  type User,
  updateCustomer,
} from '../../../api/index.js'
import { useSession } from '../../../session.js'
import { SelectField, TextField } from '../../../ui/field.js'
import { capitalize } from '../../../ui/format.js'
import { useAnnounce } from '../../../ui/status.js'
import { type FormErrors, splitFieldErrors } from '../field-errors.js'
import { OrganisationPicker } from './organisation-picker.js'

const FIELDS = [
  'name',
  'emails',
  'phones',
  'country',
  'language',
  'timezone',
  'lifecycleStage',
  'tags',
  'ownerId',
  'tier',
  'organisationId',
] as const
type Field = (typeof FIELDS)[number]

const TIERS = ['platinum', 'gold', 'silver', 'bronze']
const TIME_ZONES: string[] = (() => {
  try {
    return Intl.supportedValuesOf('timeZone')
  } catch {
    return []
  }
})()

const listOf = (text: string) =>
  text
    .split(/[,\n]/)
    .map((s) => s.trim())
    .filter(Boolean)

/** Edits the profile; only the fields that changed are sent. */
export function ProfileForm({
  customer: c,
  onSaved,
  onCancel,
}: {
  customer: Customer
  onSaved: (customer: Customer) => void
  onCancel: () => void
}) {
  const { can } = useSession()
  const announce = useAnnounce()
  const [v, setV] = useState({
    name: c.name,
    emails: c.emails.join(', '),
    phones: c.phones.join(', '),
    country: c.country ?? '',
    language: c.language ?? '',
    timezone: c.timezone ?? '',
    lifecycleStage: c.lifecycleStage,
    tags: c.tags.join(', '),
    ownerId: c.ownerId ?? '',
    tier: c.tier ?? '',
  })
  const [organisation, setOrganisation] = useState(
    c.organisationId ? { id: c.organisationId, name: c.organisationName ?? '' } : null,
  )
  const [users, setUsers] = useState<User[]>([])
  const [errors, setErrors] = useState<FormErrors<Field>>({ fields: {}, form: null })
  const [busy, setBusy] = useState(false)
  const form = useRef<HTMLFormElement>(null)
  const canListUsers = can('users:read')

  useEffect(() => {
    form.current?.querySelector<HTMLInputElement>('input')?.focus()
    if (!canListUsers) return
    let current = true
    listUsers({ limit: 500, active: 'true', sort: 'name' })
      .then((page) => current && setUsers(page.items))
      .catch(() => {})
    return () => {
      current = false
    }
  }, [canListUsers])

  const set = (field: keyof typeof v) => (e: { target: { value: string } }) =>
    setV((prev) => ({ ...prev, [field]: e.target.value }))

  const changes = (): CustomerProfile => {
    const out: CustomerProfile = {}
    const orNull = (s: string) => (s.trim() ? s.trim() : null)
    const same = (a: string[], b: string[]) => a.join('\n') === b.join('\n')
    if (v.name.trim() !== c.name) out.name = v.name.trim()
    if (!same(listOf(v.emails), c.emails)) out.emails = listOf(v.emails)
    if (!same(listOf(v.phones), c.phones)) out.phones = listOf(v.phones)
    if (orNull(v.country) !== c.country) out.country = orNull(v.country)
    if (orNull(v.language) !== c.language) out.language = orNull(v.language)
    if (orNull(v.timezone) !== c.timezone) out.timezone = orNull(v.timezone)
    if (v.lifecycleStage !== c.lifecycleStage) out.lifecycleStage = v.lifecycleStage
    if (!same(listOf(v.tags), c.tags)) out.tags = listOf(v.tags)
    if (orNull(v.ownerId) !== c.ownerId) out.ownerId = orNull(v.ownerId)
    if (orNull(v.tier) !== c.tier) out.tier = orNull(v.tier)
    if ((organisation?.id ?? null) !== c.organisationId) out.organisationId = organisation?.id ?? null
    return out
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (!v.name.trim()) {
      setErrors({ fields: { name: 'Enter a name.' }, form: null })
      return
    }
    const patch = changes()
    if (Object.keys(patch).length === 0) {
      onCancel()
      return
    }
    setBusy(true)
    setErrors({ fields: {}, form: null })
    try {
      const saved = await updateCustomer(c.id, patch)
      announce(`${saved.name}'s profile has been saved.`)
      onSaved(saved)
    } catch (err) {
      setErrors(
        splitFieldErrors(err, FIELDS, {
          INVALID_OWNER: 'ownerId',
          INVALID_ORGANISATION: 'organisationId',
        }),
      )
      setBusy(false)
      requestAnimationFrame(() => form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus())
    }
  }

  const e = errors.fields
  return (
    <form ref={form} className="card form" onSubmit={submit} noValidate aria-labelledby="profile-form-title">
      <h2 id="profile-form-title" className="form-title">
        Edit profile
      </h2>
      <TextField label="Name" value={v.name} onChange={set('name')} error={e.name} />
      <TextField
        label="Emails"
        value={v.emails}
        onChange={set('emails')}
        error={e.emails}
        hint="Separate several with commas"
      />
      <TextField
        label="Phones"
        value={v.phones}
        onChange={set('phones')}
        error={e.phones}
        hint="Separate several with commas"
      />
      <div className="form-row">
        <TextField
          label="Country"
          value={v.country}
          onChange={set('country')}
          error={e.country}
          maxLength={2}
        />
        <TextField label="Language" value={v.language} onChange={set('language')} error={e.language} />
      </div>
      <TextField
        label="Time zone"
        value={v.timezone}
        onChange={set('timezone')}
        error={e.timezone}
        list="time-zones"
        placeholder="e.g. Europe/Berlin"
      />
      <datalist id="time-zones">
        {TIME_ZONES.map((tz) => (
          <option key={tz} value={tz} />
        ))}
      </datalist>
      <div className="form-row">
        <SelectField
          label="Stage"
          value={v.lifecycleStage}
          onChange={set('lifecycleStage')}
          error={e.lifecycleStage}
        >
          {LIFECYCLE_STAGES.map((s: LifecycleStage) => (
            <option key={s} value={s}>
              {capitalize(s)}
            </option>
          ))}
        </SelectField>
        <TextField
          label="Tier"
          value={v.tier}
          onChange={set('tier')}
          error={e.tier}
          list="tiers"
          hint="Set by hand until the value engine sets it"
        />
        <datalist id="tiers">
          {TIERS.map((t) => (
            <option key={t} value={t} />
          ))}
        </datalist>
      </div>
      <TextField
        label="Tags"
        value={v.tags}
        onChange={set('tags')}
        error={e.tags}
        hint="Separate with commas"
      />
      {canListUsers && (
        <SelectField label="Owner" value={v.ownerId} onChange={set('ownerId')} error={e.ownerId}>
          <option value="">No owner</option>
          {c.ownerId && !users.some((u) => u.id === c.ownerId) && (
            <option value={c.ownerId}>{c.ownerName ?? 'Current owner'}</option>
          )}
          {users.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </SelectField>
      )}
      {c.kind === 'person' && (
        <OrganisationPicker value={organisation} onChange={setOrganisation} error={e.organisationId} />
      )}
      <div className="form-footer">
        <div aria-live="polite">{errors.form && <p className="inline-error">{errors.form}</p>}</div>
        <div className="button-row">
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? 'Saving…' : 'Save profile'}
          </button>
        </div>
      </div>
    </form>
  )
}
