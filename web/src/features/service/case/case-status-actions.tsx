import { type Ref, useImperativeHandle, useState } from 'react'
import {
  CASE_TRANSITIONS,
  type Case,
  type CaseStatus,
  changeCaseStatus,
  errorMessage,
  takeCase,
} from '../../../api/index.js'
import { useSession } from '../../../session.js'
import { sentence } from '../../../ui/format.js'
import { useAnnounce } from '../../../ui/status.js'
import { STATUS_LABELS } from '../service-labels.js'

export interface StatusActionsHandle {
  resolve: () => void
}

function actionLabel(from: CaseStatus, to: CaseStatus): string {
  if (to === 'open') return from === 'resolved' || from === 'closed' ? 'Reopen' : 'Open'
  if (to === 'waiting_on_customer') return 'Wait on customer'
  if (to === 'waiting_on_third_party') return 'Wait on third party'
  if (to === 'resolved') return 'Resolve'
  return 'Close'
}

/** The moves the status machine allows from here, plus "Take" for a case that is not yours. */
export function CaseStatusActions({
  kase: c,
  onChanged,
  ref,
}: {
  kase: Case
  onChanged: (c: Case) => void
  ref?: Ref<StatusActionsHandle>
}) {
  const { me } = useSession()
  const announce = useAnnounce()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const run = async (what: () => Promise<Case>, done: string) => {
    setBusy(true)
    setError(null)
    try {
      const next = await what()
      announce(done)
      onChanged(next)
    } catch (err) {
      setError(sentence(errorMessage(err)))
    } finally {
      setBusy(false)
    }
  }
  const move = (to: CaseStatus) =>
    run(() => changeCaseStatus(c.id, to), `Case #${c.number} is now ${STATUS_LABELS[to].toLowerCase()}.`)

  useImperativeHandle(ref, () => ({
    resolve: () => {
      if (CASE_TRANSITIONS[c.status].includes('resolved')) void move('resolved')
    },
  }))

  const mine = me.user !== null && c.assigneeId === me.user.id
  const open = c.status !== 'resolved' && c.status !== 'closed'
  return (
    <div className="case-actions">
      <div className="button-row">
        {!mine && open && me.user && (
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() => run(() => takeCase(c.id), `You took case #${c.number}.`)}
          >
            Take
          </button>
        )}
        {CASE_TRANSITIONS[c.status].map((to) => (
          <button
            key={to}
            type="button"
            className={to === 'resolved' ? 'button button-primary' : 'button'}
            disabled={busy}
            onClick={() => move(to)}
            aria-keyshortcuts={to === 'resolved' ? 'e' : undefined}
          >
            {actionLabel(c.status, to)}
          </button>
        ))}
      </div>
      {error && (
        <p className="inline-error" role="alert">
          {error}
        </p>
      )}
    </div>
  )
}
