import { type ReactNode, useState } from 'react'
import type { Case } from '../../../api/index.js'
import { capitalize } from '../../../ui/format.js'
import { CaseEditForm } from './case-edit-form.js'
import { PriorityForm } from './priority-form.js'

/** Priority (with its source), assignee, team, category and tags; editable by those who may. */
export function CaseDetailsCard({
  kase: c,
  canWrite,
  onChanged,
}: {
  kase: Case
  canWrite: boolean
  onChanged: (c: Case) => void
}) {
  const [mode, setMode] = useState<'view' | 'edit' | 'priority'>('view')
  const done = (next: Case) => {
    onChanged(next)
    setMode('view')
  }
  if (mode === 'edit') return <CaseEditForm kase={c} onCancel={() => setMode('view')} onSaved={done} />

  const source =
    c.prioritySource === 'override'
      ? 'overridden'
      : c.prioritySource === 'escalation'
        ? 'escalated'
        : 'from the matrix'
  const facts: { label: string; value: ReactNode }[] = [
    {
      label: 'Priority',
      value: (
        <>
          {capitalize(c.priority)} <span className="muted">({source})</span>
          {c.priorityReason && <span className="fact-line muted">“{c.priorityReason}”</span>}
        </>
      ),
    },
    { label: 'Urgency', value: capitalize(c.urgency) },
    { label: 'Tier', value: c.tier && capitalize(c.tier) },
    { label: 'Team', value: c.teamName },
    { label: 'Assignee', value: c.assigneeName },
    { label: 'Category', value: c.category },
    {
      label: 'Tags',
      value: c.tags.length ? (
        <span className="tag-list">
          {c.tags.map((t) => (
            <span key={t} className="badge badge-neutral">
              {t}
            </span>
          ))}
        </span>
      ) : null,
    },
  ]
  return (
    <section className="card" aria-labelledby="details-title">
      <div className="card-header">
        <h2 id="details-title">Details</h2>
        {canWrite && mode === 'view' && (
          <div className="button-row">
            <button type="button" className="button button-small" onClick={() => setMode('priority')}>
              Override priority
            </button>
            <button type="button" className="button button-small" onClick={() => setMode('edit')}>
              Edit
            </button>
          </div>
        )}
      </div>
      {mode === 'priority' && <PriorityForm kase={c} onCancel={() => setMode('view')} onSaved={done} />}
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
