import { type FormEvent, useState } from 'react'
import {
  bookCallback,
  type Callback,
  type Case,
  errorMessage,
  listCallbackSlots,
} from '../../../api/index.js'
import { SelectField, TextField } from '../../../ui/field.js'
import { sentence } from '../../../ui/format.js'
import { useAnnounce } from '../../../ui/status.js'
import { useResource } from '../../../ui/use-resource.js'
import { useWorkspaceFormat } from '../../../ui/use-workspace-format.js'

/** Books a callback in a free slot of the team's opening hours, instead of keeping them waiting. */
export function CallbackCard({ kase: c, onBooked }: { kase: Case; onBooked: () => void }) {
  const f = useWorkspaceFormat()
  const announce = useAnnounce()
  const [open, setOpen] = useState(false)
  const [slot, setSlot] = useState('')
  const [phone, setPhone] = useState('')
  const [note, setNote] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [booked, setBooked] = useState<Callback | null>(null)
  const slots = useResource(
    () => (open ? listCallbackSlots({ team: c.teamId ?? undefined, days: 5 }) : Promise.resolve(null)),
    `slots:${c.id}:${open}`,
  )
  const free = (slots.data?.slots ?? []).filter((s) => s.available > 0)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (!slot) {
      setError('Choose a slot.')
      return
    }
    setBusy(true)
    setError(null)
    try {
      const cb = await bookCallback(c.id, {
        slotStart: slot,
        ...(phone.trim() ? { phone: phone.trim() } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
      })
      setBooked(cb)
      setOpen(false)
      announce(`Callback booked for ${f.dateTime(cb.slotStart)}.`)
      onBooked()
    } catch (err) {
      setError(sentence(errorMessage(err)))
    } finally {
      setBusy(false)
    }
  }

  return (
    <section className="card" aria-labelledby="callback-title">
      <div className="card-header">
        <h2 id="callback-title">Callback</h2>
        {!open && (
          <button type="button" className="button button-small" onClick={() => setOpen(true)}>
            Book a callback
          </button>
        )}
      </div>
      {booked && (
        <p>
          Booked: {f.dateTime(booked.slotStart)} to {f.dateTime(booked.slotEnd)} on {booked.phone}.
        </p>
      )}
      {open && (
        <form className="form" onSubmit={submit} noValidate>
          {slots.loading && <p className="muted">Loading free slots…</p>}
          {slots.error && (
            <p className="inline-error" role="alert">
              {slots.error}
            </p>
          )}
          {slots.data && free.length === 0 && <p className="muted">No free slots in the next five days.</p>}
          {free.length > 0 && (
            <SelectField label="Slot" value={slot} onChange={(e) => setSlot(e.target.value)}>
              <option value="">Choose a slot</option>
              {free.map((s) => (
                <option key={s.start} value={s.start}>
                  {f.dateTime(s.start)} ({s.available} free)
                </option>
              ))}
            </SelectField>
          )}
          <TextField
            label="Phone"
            value={phone}
            onChange={(e) => setPhone(e.target.value)}
            hint="Leave empty to call the customer's first number."
          />
          <TextField label="Note" value={note} onChange={(e) => setNote(e.target.value)} />
          {error && (
            <p className="inline-error" role="alert">
              {error}
            </p>
          )}
          <div className="button-row">
            <button type="submit" className="button button-primary button-small" disabled={busy}>
              Book
            </button>
            <button type="button" className="button button-small" onClick={() => setOpen(false)}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </section>
  )
}
