import { type ReactNode, useState } from 'react'
import type { Customer } from '../../../api/index.js'
import { capitalize } from '../../../ui/format.js'
import { ProfileForm } from './profile-form.js'

/** The customer's profile as a list of facts, with an Edit button for those who may change it. */
export function ProfileCard({
  customer: c,
  canEdit,
  onSaved,
}: {
  customer: Customer
  canEdit: boolean
  onSaved: (customer: Customer) => void
}) {
  const [editing, setEditing] = useState(false)
  if (editing)
    return (
      <ProfileForm
        customer={c}
        onCancel={() => setEditing(false)}
        onSaved={(saved) => {
          onSaved(saved)
          setEditing(false)
        }}
      />
    )
  const tags = c.tags.length ? (
    <span className="tag-list">
      {c.tags.map((t) => (
        <span key={t} className="badge badge-neutral">
          {t}
        </span>
      ))}
    </span>
  ) : null
  const facts: { label: string; value: ReactNode }[] = [
    { label: 'Emails', value: lines(c.emails) },
    { label: 'Phones', value: lines(c.phones) },
    { label: 'Country', value: c.country },
    { label: 'Language', value: c.language },
    { label: 'Time zone', value: c.timezone },
    { label: 'Stage', value: capitalize(c.lifecycleStage) },
    {
      label: 'Tier',
      value: c.tier && `${capitalize(c.tier)}${c.tierSource === 'manual' ? ' (set by hand)' : ''}`,
    },
    { label: 'Owner', value: c.ownerName },
    { label: 'Tags', value: tags },
  ]
  return (
    <section className="card" aria-labelledby="profile-title">
      <div className="card-header">
        <h2 id="profile-title">Profile</h2>
        {canEdit && (
          <button type="button" className="button button-small" onClick={() => setEditing(true)}>
            Edit profile
          </button>
        )}
      </div>
      <dl className="facts">
        {facts.map(({ label, value }) => (
          <div key={label} className="fact">
            <dt>{label}</dt>
            <dd>{value ?? <span className="muted">—</span>}</dd>
          </div>
        ))}
      </dl>
    </section>
  )
}

const lines = (values: string[]) =>
  values.length
    ? values.map((v) => (
        <span key={v} className="fact-line">
          {v}
        </span>
      ))
    : null
