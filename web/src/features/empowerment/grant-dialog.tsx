import { type FormEvent, useEffect, useId, useRef, useState } from 'react'
import {
  type ActionType,
  createGrant,
  type GrantOutcome,
  getAuthority,
  listActionTypes,
} from '../../api/empowerment.api.js'
import { errorMessage, listCases } from '../../api/index.js'
import { useSession } from '../../session.js'
import { SelectField, TextField } from '../../ui/field.js'
import { useAnnounce } from '../../ui/status.js'
import { useResource } from '../../ui/use-resource.js'
import { useWorkspaceFormat } from '../../ui/use-workspace-format.js'
import { cents } from './money.js'

/**
 * "Grant goodwill": a button that opens a dialog showing the agent's remaining authority for this
 * customer (and case) before they act. Within authority the grant is executed; above it the
 * dialog asks for approval instead. The server decides either way: the numbers here only guide.
 */
export function GrantDialog({
  customerId,
  caseId,
  onDone,
}: {
  customerId: string
  caseId?: string
  onDone?: (outcome: GrantOutcome) => void
}) {
  const { can } = useSession()
  const [open, setOpen] = useState(false)
  const ref = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    const dialog = ref.current
    if (open && dialog && !dialog.open) dialog.showModal()
  }, [open])
  if (!can('grants:write')) return null
  const close = () => {
    ref.current?.close()
    setOpen(false)
  }
  return (
    <>
      <button type="button" className="button button-small" onClick={() => setOpen(true)}>
        Grant goodwill
      </button>
      {open && (
        <dialog
          ref={ref}
          className="dialog grant-dialog"
          aria-labelledby="grant-title"
          onCancel={(event) => {
            event.preventDefault()
            close()
          }}
        >
          <GrantForm
            customerId={customerId}
            caseId={caseId}
            onCancel={close}
            onDone={(outcome) => {
              close()
              onDone?.(outcome)
            }}
          />
        </dialog>
      )}
    </>
  )
}

function GrantForm({
  customerId,
  caseId,
  onCancel,
  onDone,
}: {
  customerId: string
  caseId?: string | undefined
  onCancel: () => void
  onDone: (outcome: GrantOutcome) => void
}) {
  const fmt = useWorkspaceFormat()
  const announce = useAnnounce()
  const reasonId = useId()
  const [chosenCase, setChosenCase] = useState(caseId ?? '')
  const authority = useResource(
    () => getAuthority(customerId, chosenCase || undefined),
    `${customerId}:${chosenCase}`,
  )
  const actions = useResource(() => listActionTypes().then((r) => r.items.filter((a) => a.active)), 'actions')
  const cases = useResource(
    () =>
      caseId ? Promise.resolve([]) : listCases({ customer: customerId, limit: 20 }).then((p) => p.items),
    `${customerId}:${caseId ?? ''}`,
  )
  const [actionId, setActionId] = useState('')
  const [amount, setAmount] = useState('')
  const [reason, setReason] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const action: ActionType | undefined = actions.data?.find((a) => a.id === actionId) ?? actions.data?.[0]
  const value = action?.costRule === 'fixed' ? action.fixedAmount : amount
  const remaining = authority.data?.remaining
  const above = remaining != null && cents(value) != null && cents(value)! > cents(remaining)!

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (!action) return
    setBusy(true)
    setError(null)
    try {
      const outcome = await createGrant({
        customerId,
        caseId: chosenCase || undefined,
        actionTypeId: action.id,
        amount: action.costRule === 'entered' ? amount : undefined,
        reason,
        requestApproval: above,
      })
      announce(
        outcome.outcome === 'executed'
          ? `Granted ${fmt.money(outcome.entry?.amount)}: ${action.name}.`
          : `Approval requested from a ${outcome.approval?.routeToRole} for ${fmt.money(outcome.approval?.amount)}.`,
      )
      onDone(outcome)
    } catch (err) {
      setError(errorMessage(err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <form onSubmit={submit} className="grant-form">
      <h2 id="grant-title">Grant goodwill</h2>
      <div className="authority" aria-live="polite">
        {authority.loading && !authority.data && <p className="muted">Checking your authority…</p>}
        {authority.error && (
          <p className="inline-error" role="alert">
            {authority.error}
          </p>
        )}
        {authority.data && (
          <>
            <p className="authority-remaining">
              {remaining == null ? (
                <>You may grant any amount without approval.</>
              ) : (
                <>
                  Your authority for this customer:{' '}
                  <strong data-testid="remaining">{fmt.money(remaining)}</strong> without approval.
                </>
              )}
            </p>
            <p className="muted">
              {String(authority.data.policy.name ?? '')} · granted to this customer in the last{' '}
              {String(authority.data.policy.customerPeriodDays ?? 30)} days:{' '}
              {fmt.money(authority.data.customerUsed)}
              {' · '}you this month: {fmt.money(authority.data.agentUsedThisMonth)}
            </p>
          </>
        )}
      </div>
      {!caseId && (cases.data?.length ?? 0) > 0 && (
        <SelectField
          label="Case (optional)"
          value={chosenCase}
          onChange={(e) => setChosenCase(e.target.value)}
        >
          <option value="">No case</option>
          {cases.data?.map((c) => (
            <option key={c.id} value={c.id}>
              #{c.number} {c.subject}
            </option>
          ))}
        </SelectField>
      )}
      <SelectField
        label="Action"
        value={action?.id ?? ''}
        onChange={(e) => setActionId(e.target.value)}
        required
      >
        {actions.data?.map((a) => (
          <option key={a.id} value={a.id}>
            {a.name}
            {a.costRule === 'fixed' ? ` (${fmt.money(a.fixedAmount)})` : ''}
          </option>
        ))}
      </SelectField>
      {action?.costRule === 'entered' && (
        <TextField
          label="Amount"
          inputMode="decimal"
          value={amount}
          onChange={(e) => setAmount(e.target.value)}
          pattern="\d+(\.\d{1,2})?"
          required
          hint={above ? 'Above your authority: this becomes an approval request.' : undefined}
        />
      )}
      {action?.costRule === 'fixed' && above && (
        <p className="field-hint">Above your authority: this becomes an approval request.</p>
      )}
      <div className="field">
        <label htmlFor={reasonId}>Reason</label>
        <textarea
          id={reasonId}
          className="input textarea"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          required
          maxLength={2000}
          rows={3}
        />
      </div>
      {error && (
        <p className="inline-error" role="alert">
          {error}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button button-primary" disabled={busy || !action}>
          {busy ? 'Sending…' : above ? 'Request approval' : 'Grant'}
        </button>
      </div>
    </form>
  )
}
