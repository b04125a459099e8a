import { type FormEvent, useEffect, useState } from 'react'
import { ApiError, errorMessage, type ServiceFitSettings, saveServiceFitSettings } from '../../api/index.js'
import { TextField } from '../../ui/field.js'
import { sentence } from '../../ui/format.js'
import { useAnnounce } from '../../ui/status.js'

/** The thresholds of the service-fit report, for those who configure the value engine. */
export function ServiceFitSettingsForm({
  settings,
  onSaved,
}: {
  settings: ServiceFitSettings
  onSaved: (settings: ServiceFitSettings) => void
}) {
  const announce = useAnnounce()
  const [share, setShare] = useState('')
  const [tiers, setTiers] = useState('')
  const [days, setDays] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    setShare(String(Math.round(settings.overServedShare * 10000) / 100))
    setTiers(settings.underServedTiers.join(', '))
    setDays(String(settings.inactiveDays))
  }, [settings])

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setBusy(true)
    setErrors({})
    try {
      const saved = await saveServiceFitSettings({
        overServedShare: Number(share) / 100,
        underServedTiers: tiers
          .split(',')
          .map((t) => t.trim())
          .filter(Boolean),
        inactiveDays: Number(days),
      })
      onSaved(saved)
      announce('Service-fit thresholds saved.')
    } catch (err) {
      const field = (name: string) => (err instanceof ApiError ? err.fieldError(name) : undefined)
      const found = {
        share: field('overServedShare'),
        tiers: field('underServedTiers'),
        days: field('inactiveDays'),
      }
      const any = Object.values(found).some(Boolean)
      setErrors(
        Object.fromEntries(
          Object.entries(any ? found : { form: errorMessage(err) })
            .filter(([, v]) => v)
            .map(([k, v]) => [k, sentence(v!)]),
        ),
      )
    } finally {
      setBusy(false)
    }
  }

  return (
    <details className="card fit-settings">
      <summary>Thresholds</summary>
      <form className="form form-grid" onSubmit={submit} noValidate aria-label="Service-fit thresholds">
        <TextField
          label="Over-served above (% of gross margin)"
          inputMode="decimal"
          value={share}
          onChange={(e) => setShare(e.target.value)}
          error={errors.share}
        />
        <TextField
          label="Under-served tiers"
          value={tiers}
          onChange={(e) => setTiers(e.target.value)}
          error={errors.tiers}
          hint="Comma-separated, e.g. platinum, gold"
        />
        <TextField
          label="Inactive after (days)"
          inputMode="numeric"
          value={days}
          onChange={(e) => setDays(e.target.value)}
          error={errors.days}
        />
        <div className="form-footer">
          {errors.form && (
            <p className="inline-error" role="alert">
              {errors.form}
            </p>
          )}
          <button type="submit" className="button button-primary" disabled={busy}>
            Save thresholds
          </button>
        </div>
      </form>
    </details>
  )
}
