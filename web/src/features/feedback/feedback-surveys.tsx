import { type FormEvent, useState } from 'react'
import {
  createSurvey,
  getFeedbackSettings,
  listSurveys,
  type SurveyKind,
  type SurveyTrigger,
  updateFeedbackSettings,
  updateSurvey,
} from '../../api/feedback.api.js'
import { errorMessage } from '../../api/index.js'
import { useSession } from '../../session.js'
import { useAnnounce } from '../../ui/status.js'
import { useResource } from '../../ui/use-resource.js'
import { KIND_LABEL } from './feedback-format.js'

const TRIGGER_LABEL: Record<SurveyTrigger, string> = {
  case_resolved: 'When a case is resolved',
  purchase: 'Days after a purchase',
  periodic: 'Periodically, for a segment',
  manual: 'Sent by hand',
}

/** Surveys (list, on/off, new) and the workspace's feedback settings. */
export function FeedbackSurveys() {
  const surveys = useResource(() => listSurveys(), 'surveys')
  const { can } = useSession()
  const announce = useAnnounce()
  const canEdit = can('feedback:configure')
  return (
    <section aria-label="Surveys">
      {surveys.error && (
        <p className="inline-error" role="alert">
          {surveys.error}
        </p>
      )}
      <div className="table-wrap">
        <table className="table">
          <caption className="visually-hidden">Surveys</caption>
          <thead>
            <tr>
              <th scope="col">Survey</th>
              <th scope="col">Score</th>
              <th scope="col">Sent</th>
              <th scope="col">Active</th>
            </tr>
          </thead>
          <tbody>
            {(surveys.data?.items ?? []).map((s) => (
              <tr key={s.id}>
                <th scope="row">{s.name}</th>
                <td>
                  {KIND_LABEL[s.kind]} {s.scale.min}–{s.scale.max}
                </td>
                <td>
                  {TRIGGER_LABEL[s.trigger]}
                  {s.trigger === 'purchase' ? ` (${s.delayDays} days)` : ''}
                </td>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`${s.name} active`}
                    checked={s.active}
                    disabled={!canEdit}
                    onChange={async (e) => {
                      try {
                        await updateSurvey(s.id, { active: e.target.checked })
                        surveys.reload()
                      } catch (err) {
                        announce(errorMessage(err), 'error')
                      }
                    }}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {canEdit && <NewSurveyForm onCreated={surveys.reload} />}
      {canEdit && <SettingsForm />}
    </section>
  )
}

function NewSurveyForm({ onCreated }: { onCreated: () => void }) {
  const announce = useAnnounce()
  const [name, setName] = useState('')
  const [kind, setKind] = useState<SurveyKind>('csat')
  const [trigger, setTrigger] = useState<SurveyTrigger>('case_resolved')
  const [delayDays, setDelayDays] = useState(0)
  const [error, setError] = useState<string | null>(null)
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setError(null)
    try {
      await createSurvey({ name, kind, trigger, delayDays })
      setName('')
      announce(`Survey ${name} created.`, 'success')
      onCreated()
    } catch (err) {
      setError(errorMessage(err))
    }
  }
  return (
    <form className="card feedback-form" aria-label="New survey" onSubmit={submit}>
      <h2>New survey</h2>
      <label>
        Name <input required value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <label>
        Score{' '}
        <select value={kind} onChange={(e) => setKind(e.target.value as SurveyKind)}>
          <option value="nps">NPS (0–10)</option>
          <option value="csat">CSAT (1–5)</option>
          <option value="ces">CES (1–7)</option>
        </select>
      </label>
      <label>
        Sent{' '}
        <select value={trigger} onChange={(e) => setTrigger(e.target.value as SurveyTrigger)}>
          {(['case_resolved', 'purchase', 'manual'] as const).map((t) => (
            <option key={t} value={t}>
              {TRIGGER_LABEL[t]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Delay (days){' '}
        <input
          type="number"
          min={0}
          max={365}
          value={delayDays}
          onChange={(e) => setDelayDays(Number(e.target.value))}
        />
      </label>
      {error && (
        <p className="inline-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="button">
        Create survey
      </button>
    </form>
  )
}

function SettingsForm() {
  const settings = useResource(() => getFeedbackSettings(), 'feedback-settings')
  const announce = useAnnounce()
  const s = settings.data
  if (!s) return null
  const save = async (changes: Parameters<typeof updateFeedbackSettings>[0]) => {
    try {
      settings.set(await updateFeedbackSettings(changes))
      announce('Settings saved.', 'success')
    } catch (err) {
      announce(errorMessage(err), 'error')
    }
  }
  return (
    <form
      className="card feedback-form"
      aria-label="Feedback settings"
      onSubmit={(e) => {
        e.preventDefault()
        const f = new FormData(e.currentTarget)
        save({
          fatigueDays: Number(f.get('fatigueDays')),
          reminderDays: Number(f.get('reminderDays')),
          closeDays: Number(f.get('closeDays')),
          quietStart: Number(f.get('quietStart')),
          quietEnd: Number(f.get('quietEnd')),
          fromAddress: String(f.get('fromAddress')),
          ideaKeywords: String(f.get('ideaKeywords'))
            .split(',')
            .map((k) => k.trim())
            .filter((k) => k.length >= 2),
        })
      }}
    >
      <h2>Settings</h2>
      <label>
        Ask a customer at most once in (days){' '}
        <input name="fatigueDays" type="number" min={0} max={365} defaultValue={s.fatigueDays} />
      </label>
      <label>
        Reminder after (days, 0 = none){' '}
        <input name="reminderDays" type="number" min={0} max={60} defaultValue={s.reminderDays} />
      </label>
      <label>
        Survey closes after (days){' '}
        <input name="closeDays" type="number" min={1} max={365} defaultValue={s.closeDays} />
      </label>
      <label>
        Quiet from (hour){' '}
        <input name="quietStart" type="number" min={0} max={23} defaultValue={s.quietStart} />
      </label>
      <label>
        Quiet until (hour) <input name="quietEnd" type="number" min={0} max={23} defaultValue={s.quietEnd} />
      </label>
      <label>
        From address <input name="fromAddress" type="email" defaultValue={s.fromAddress} />
      </label>
      <label>
        Idea keywords (comma separated) <input name="ideaKeywords" defaultValue={s.ideaKeywords.join(', ')} />
      </label>
      <p className="muted">
        Email:{' '}
        {s.smtpConfigured
          ? 'this workspace has its own SMTP server.'
          : 'CENTRIC_SMTP_URL of the server is used.'}
      </p>
      <button type="submit" className="button">
        Save settings
      </button>
    </form>
  )
}
