import { type FormEvent, useState } from 'react'
import {
  CASE_URGENCIES,
  type Case,
  type CaseUrgency,
  errorMessage,
  isApiError,
  listTeams,
  updateCase,
} from '../../../api/index.js'
import { SelectField, TextField } from '../../../ui/field.js'
import { capitalize, sentence } from '../../../ui/format.js'
import { useAnnounce } from '../../../ui/status.js'
import { useResource } from '../../../ui/use-resource.js'

const splitTags = (s: string) =>
  s
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean)

/** Subject, category, urgency, tags, team and assignee (a member of the chosen team). */
export function CaseEditForm({
  kase: c,
  onCancel,
  onSaved,
}: {
  kase: Case
  onCancel: () => void
  onSaved: (c: Case) => void
}) {
  const announce = useAnnounce()
  const teams = useResource(listTeams, 'teams')
  const [subject, setSubject] = useState(c.subject)
  const [category, setCategory] = useState(c.category ?? '')
  const [urgency, setUrgency] = useState<CaseUrgency>(c.urgency)
  const [tags, setTags] = useState(c.tags.join(', '))
  const [teamId, setTeamId] = useState(c.teamId ?? '')
  const [assigneeId, setAssigneeId] = useState(c.assigneeId ?? '')
  const [errors, setErrors] = useState<Record<string, string | undefined>>({})
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const team = teams.data?.items.find((t) => t.id === teamId)
  const members = team?.members ?? []

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setBusy(true)
    setError(null)
    setErrors({})
    try {
      const next = await updateCase(c.id, {
        subject: subject.trim(),
        category: category.trim() || null,
        urgency,
        tags: splitTags(tags),
        teamId: teamId || null,
        assigneeId: assigneeId || null,
      })
      announce(`Case #${c.number} has been saved.`)
      onSaved(next)
    } catch (err) {
      if (isApiError(err) && err.errors.length) {
        const pick = (f: string) => {
          const m = err.fieldError(f) ?? err.errors.find((e) => e.path.includes(`.${f}.`))?.message
          return m && sentence(m)
        }
        setErrors({ subject: pick('subject'), category: pick('category'), tags: pick('tags') })
      }
      setError(sentence(errorMessage(err)))
    } finally {
      setBusy(false)
    }
  }

  return (
    <section className="card" aria-labelledby="edit-case-title">
      <h2 id="edit-case-title" className="card-title">
        Edit case
      </h2>
      <form className="form" onSubmit={submit} noValidate>
        <TextField
          label="Subject"
          value={subject}
          onChange={(e) => setSubject(e.target.value)}
          error={errors.subject}
        />
        <TextField
          label="Category"
          value={category}
          onChange={(e) => setCategory(e.target.value)}
          error={errors.category}
          hint="The playbook and macros follow the category."
        />
        <SelectField
          label="Urgency"
          value={urgency}
          onChange={(e) => setUrgency(e.target.value as CaseUrgency)}
        >
          {CASE_URGENCIES.map((u) => (
            <option key={u} value={u}>
              {capitalize(u)}
            </option>
          ))}
        </SelectField>
        <TextField
          label="Tags"
          value={tags}
          onChange={(e) => setTags(e.target.value)}
          error={errors.tags}
          hint="Separated by commas."
        />
        <SelectField
          label="Team"
          value={teamId}
          onChange={(e) => {
            setTeamId(e.target.value)
            setAssigneeId('')
          }}
        >
          <option value="">No team</option>
          {(teams.data?.items ?? []).map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </SelectField>
        <SelectField label="Assignee" value={assigneeId} onChange={(e) => setAssigneeId(e.target.value)}>
          <option value="">Unassigned</option>
          {assigneeId && !members.some((m) => m.userId === assigneeId) && (
            <option value={assigneeId}>{c.assigneeName ?? 'Current assignee'}</option>
          )}
          {members.map((m) => (
            <option key={m.userId} value={m.userId}>
              {m.name}
              {m.available ? '' : ' (away)'}
            </option>
          ))}
        </SelectField>
        {error && (
          <p className="inline-error" role="alert">
            {error}
          </p>
        )}
        <div className="button-row">
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? 'Saving…' : 'Save'}
          </button>
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </section>
  )
}
