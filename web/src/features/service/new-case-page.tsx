import { type FormEvent, useEffect, useState } from 'react'
import {
  CASE_CHANNELS,
  CASE_PRIORITIES,
  CASE_URGENCIES,
  type CaseChannel,
  type CasePriority,
  type CaseUrgency,
  type Customer,
  createCase,
  errorMessage,
  isApiError,
  searchCustomers,
} from '../../api/index.js'
import { Link, navigate } from '../../router.js'
import { SelectField, TextField } from '../../ui/field.js'
import { capitalize, sentence } from '../../ui/format.js'
import { PageHeader } from '../../ui/page-header.js'
import { useAnnounce } from '../../ui/status.js'
import { CHANNEL_LABELS, PRIORITY_LABELS } from './service-labels.js'

type Errors = Partial<
  Record<'customerId' | 'department' | 'subject' | 'category' | 'tags' | 'priorityReason', string>
>

/** Opens a case for a customer (found by search) or for an internal department. */
export function NewCasePage() {
  const announce = useAnnounce()
  const [kind, setKind] = useState<'customer' | 'internal'>('customer')
  const [query, setQuery] = useState('')
  const [matches, setMatches] = useState<Customer[]>([])
  const [customer, setCustomer] = useState<Customer | null>(null)
  const [department, setDepartment] = useState('')
  const [channel, setChannel] = useState<CaseChannel>('phone')
  const [subject, setSubject] = useState('')
  const [description, setDescription] = useState('')
  const [category, setCategory] = useState('')
  const [urgency, setUrgency] = useState<CaseUrgency>('medium')
  const [tags, setTags] = useState('')
  const [priority, setPriority] = useState<CasePriority | ''>('')
  const [priorityReason, setPriorityReason] = useState('')
  const [errors, setErrors] = useState<Errors>({})
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    const q = query.trim()
    if (kind !== 'customer' || q.length < 2 || customer) {
      setMatches([])
      return
    }
    let current = true
    const timer = window.setTimeout(() => {
      searchCustomers({ filter: { q }, limit: 8 })
        .then((page) => current && setMatches(page.items))
        .catch(() => current && setMatches([]))
    }, 200)
    return () => {
      current = false
      window.clearTimeout(timer)
    }
  }, [query, kind, customer])

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const local: Errors = {}
    if (kind === 'customer' && !customer) local.customerId = 'Find and choose the customer.'
    if (kind === 'internal' && !department.trim()) local.department = 'Name the requesting department.'
    if (!subject.trim()) local.subject = 'Give the case a subject.'
    if (priority && !priorityReason.trim()) local.priorityReason = 'An override needs a reason.'
    setErrors(local)
    if (Object.keys(local).length) return
    setBusy(true)
    setError(null)
    try {
      const created = await createCase({
        channel,
        ...(kind === 'customer' && customer
          ? { customerId: customer.id }
          : { department: department.trim() }),
        subject: subject.trim(),
        description,
        ...(category.trim() ? { category: category.trim() } : {}),
        urgency,
        tags: tags
          .split(',')
          .map((t) => t.trim())
          .filter(Boolean),
        ...(priority ? { priority, priorityReason: priorityReason.trim() } : {}),
      })
      announce(`Case #${created.number} has been opened.`)
      navigate(`/service/cases/${created.id}`)
    } catch (err) {
      if (isApiError(err) && err.errors.length) {
        const pick = (f: string) => {
          const m = err.fieldError(f) ?? err.errors.find((e) => e.path.includes(`.${f}.`))?.message
          return m && sentence(m)
        }
        setErrors({
          customerId: pick('customerId'),
          department: pick('department'),
          subject: pick('subject'),
          category: pick('category'),
          tags: pick('tags'),
          priorityReason: pick('priorityReason'),
        })
      }
      setError(sentence(errorMessage(err)))
    } finally {
      setBusy(false)
    }
  }

  return (
    <>
      <p className="back-link">
        <Link href="/service">← Queues</Link>
      </p>
      <PageHeader
        title="New case"
        description="Priority, due times and team follow from the customer's tier."
      />
      <form className="form card new-case-form" onSubmit={submit} noValidate>
        <fieldset className="radio-row">
          <legend className="field-label">Requester</legend>
          <label className="radio">
            <input
              type="radio"
              name="kind"
              checked={kind === 'customer'}
              onChange={() => setKind('customer')}
            />
            A customer
          </label>
          <label className="radio">
            <input
              type="radio"
              name="kind"
              checked={kind === 'internal'}
              onChange={() => setKind('internal')}
            />
            An internal department
          </label>
        </fieldset>
        {kind === 'customer' ? (
          customer ? (
            <p className="picked">
              {customer.name}
              {customer.tier && ` · ${capitalize(customer.tier)} tier`}{' '}
              <button type="button" className="link-button" onClick={() => setCustomer(null)}>
                Change
              </button>
            </p>
          ) : (
            <>
              <TextField
                label="Customer"
                value={query}
                placeholder="Name, email, phone or id"
                autoComplete="off"
                onChange={(e) => setQuery(e.target.value)}
                error={errors.customerId}
              />
              {matches.length > 0 && (
                <ul className="pick-list" aria-label="Matching customers">
                  {matches.map((m) => (
                    <li key={m.id}>
                      <button type="button" className="pick-item" onClick={() => setCustomer(m)}>
                        {m.name}
                        <span className="muted"> {m.emails[0] ?? m.externalId ?? ''}</span>
                      </button>
                    </li>
                  ))}
                </ul>
              )}
            </>
          )
        ) : (
          <TextField
            label="Department"
            value={department}
            onChange={(e) => setDepartment(e.target.value)}
            error={errors.department}
          />
        )}
        <SelectField
          label="Channel"
          value={channel}
          onChange={(e) => setChannel(e.target.value as CaseChannel)}
        >
          {CASE_CHANNELS.map((ch) => (
            <option key={ch} value={ch}>
              {CHANNEL_LABELS[ch]}
            </option>
          ))}
        </SelectField>
        <TextField
          label="Subject"
          value={subject}
          maxLength={300}
          onChange={(e) => setSubject(e.target.value)}
          error={errors.subject}
        />
        <div className="field">
          <label htmlFor="case-description">Description</label>
          <textarea
            id="case-description"
            className="input textarea"
            rows={4}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
          />
        </div>
        <TextField
          label="Category"
          value={category}
          onChange={(e) => setCategory(e.target.value)}
          error={errors.category}
          hint="Picks the playbook, the macros and the routing."
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
          label="Priority"
          value={priority}
          onChange={(e) => setPriority(e.target.value as CasePriority | '')}
          hint="Leave it to the matrix (tier × urgency) unless you have a reason."
        >
          <option value="">From the matrix</option>
          {CASE_PRIORITIES.map((p) => (
            <option key={p} value={p}>
              {PRIORITY_LABELS[p]}
            </option>
          ))}
        </SelectField>
        {priority && (
          <TextField
            label="Reason for the priority"
            value={priorityReason}
            onChange={(e) => setPriorityReason(e.target.value)}
            error={errors.priorityReason}
          />
        )}
        {error && (
          <p className="inline-error" role="alert">
            {error}
          </p>
        )}
        <div className="button-row">
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? 'Opening…' : 'Open case'}
          </button>
          <Link href="/service" className="button">
            Cancel
          </Link>
        </div>
      </form>
    </>
  )
}
