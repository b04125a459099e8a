import { useState } from 'react'
import { errorMessage, getCasePlaybook, markPlaybookStep } from '../../../api/index.js'
import { sentence } from '../../../ui/format.js'
import { useResource } from '../../../ui/use-resource.js'

const KIND_LABELS = { check: 'Check', say: 'Say', do: 'Do' } as const

/** The playbook of the case's category as a checklist; required steps gate resolving. */
export function PlaybookCard({
  caseId,
  category,
  canWrite,
  onChanged,
}: {
  caseId: string
  category: string | null
  canWrite: boolean
  onChanged: () => void
}) {
  const playbook = useResource(() => getCasePlaybook(caseId), `${caseId}:${category ?? ''}`)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState<string | null>(null)
  const p = playbook.data

  const toggle = async (stepId: string, done: boolean) => {
    setBusy(stepId)
    setError(null)
    try {
      playbook.set(await markPlaybookStep(caseId, stepId, done))
      onChanged()
    } catch (err) {
      setError(sentence(errorMessage(err)))
    } finally {
      setBusy(null)
    }
  }

  return (
    <section className="card" aria-labelledby="playbook-title">
      <div className="card-header">
        <h2 id="playbook-title">Playbook{p?.name ? `: ${p.name}` : ''}</h2>
        {p?.playbookId && (
          <span className={`badge ${p.requiredRemaining ? 'badge-accent' : 'badge-success'}`}>
            {p.requiredRemaining ? `${p.requiredRemaining} required left` : 'Ready to resolve'}
          </span>
        )}
      </div>
      {playbook.loading && !p && <p className="muted">Loading…</p>}
      {playbook.error && (
        <p className="inline-error" role="alert">
          {playbook.error}
        </p>
      )}
      {p && !p.playbookId && (
        <p className="muted">
          {category ? `No playbook for “${category}”.` : 'Set a category to get its playbook.'}
        </p>
      )}
      {p?.playbookId && (
        <ol className="playbook-steps">
          {p.steps.map((s) => (
            <li key={s.id} className={s.done ? 'playbook-step playbook-done' : 'playbook-step'}>
              <label className="form-check">
                <input
                  type="checkbox"
                  checked={s.done}
                  disabled={!canWrite || busy !== null}
                  onChange={(e) => void toggle(s.id, e.target.checked)}
                />
                <span>
                  <span className="badge badge-neutral">{KIND_LABELS[s.kind]}</span> {s.title}
                  {s.required && <span className="playbook-required"> (required)</span>}
                </span>
              </label>
              {s.body && <p className="playbook-body">{s.body}</p>}
            </li>
          ))}
        </ol>
      )}
      {error && (
        <p className="inline-error" role="alert">
          {error}
        </p>
      )}
    </section>
  )
}
