import { type FormEvent, useRef, useState } from 'react'
import type { PurchaseModel, ScoreOptions, ValueRun } from '../../api/index.js'
import { SelectField, TextField } from '../../ui/field.js'
import { sentence } from '../../ui/format.js'
import { useAnnounce } from '../../ui/status.js'
import { RunProgress } from './run-progress.js'
import { useScoreRun } from './use-score-run.js'

type ModelChoice = PurchaseModel | 'both'

/**
 * Starts a run: a scoring run (every customer's predictions, tier and profit), or with a holdout
 * an evaluation run. "Both models" evaluates BG/NBD then Pareto/NBD on the same window, one
 * after the other (a workspace runs one value run at a time), for the comparison.
 */
export function ScoreForm({ onRunChanged }: { onRunChanged: (run: ValueRun) => void }) {
  const announce = useAnnounce()
  const [model, setModel] = useState<ModelChoice>('bgnbd')
  const [unit, setUnit] = useState<'weeks' | 'days'>('weeks')
  const [horizon, setHorizon] = useState('12')
  const [discount, setDiscount] = useState('1')
  const [calibrationEnd, setCalibrationEnd] = useState('')
  const [holdoutEnd, setHoldoutEnd] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const next = useRef<Partial<ScoreOptions> | null>(null)
  const scoring = useScoreRun((run) => {
    onRunChanged(run)
    const queued = next.current
    next.current = null
    if (run.status === 'succeeded' && queued) {
      void scoring.start(queued)
      return
    }
    announce(
      run.status === 'succeeded' ? 'The value run finished.' : 'The value run failed.',
      run.status === 'succeeded' ? 'success' : 'error',
    )
  })
  const evaluation = holdoutEnd !== ''

  // Comparing needs a holdout: the last 90 days unless the user has picked a window already.
  const chooseModel = (choice: ModelChoice) => {
    setModel(choice)
    if (choice !== 'both' || holdoutEnd) return
    const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10)
    setCalibrationEnd((c) => c || day(91))
    setHoldoutEnd(day(1))
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const found: Record<string, string> = {}
    const months = Number(horizon)
    if (!Number.isInteger(months) || months < 1 || months > 120)
      found.horizonMonths = 'Enter whole months, 1 to 120.'
    const rate = Number(discount)
    if (!Number.isFinite(rate) || rate < 0 || rate > 100)
      found.discountMonthly = 'Enter a percent from 0 to 100.'
    if (evaluation && !calibrationEnd) found.calibrationEnd = 'A holdout needs a calibration end before it.'
    if (model === 'both' && !evaluation) found.holdoutEnd = 'Comparing models needs a holdout period.'
    setErrors(found)
    if (Object.keys(found).length) return
    const base: Partial<ScoreOptions> = {
      unit,
      horizonMonths: months,
      discountMonthly: rate / 100,
      ...(calibrationEnd && { calibrationEnd }),
      ...(holdoutEnd && { holdoutEnd }),
    }
    next.current = model === 'both' ? { ...base, model: 'pareto' } : null
    await scoring.start({ ...base, model: model === 'both' ? 'bgnbd' : model })
  }

  const serverError = scoring.error
  return (
    <form
      className="card form form-grid score-form"
      onSubmit={submit}
      noValidate
      aria-labelledby="score-title"
    >
      <h3 id="score-title" className="form-title">
        New value run
      </h3>
      <SelectField
        label="Purchase model"
        value={model}
        onChange={(e) => chooseModel(e.target.value as ModelChoice)}
      >
        <option value="bgnbd">BG/NBD</option>
        <option value="pareto">Pareto/NBD</option>
        <option value="both">Both (evaluation only)</option>
      </SelectField>
      <SelectField
        label="Time unit"
        value={unit}
        onChange={(e) => setUnit(e.target.value as 'weeks' | 'days')}
      >
        <option value="weeks">Weeks</option>
        <option value="days">Days</option>
      </SelectField>
      <TextField
        label="CLV horizon (months)"
        inputMode="numeric"
        value={horizon}
        onChange={(e) => setHorizon(e.target.value)}
        error={errors.horizonMonths}
      />
      <TextField
        label="Monthly discount rate (%)"
        inputMode="decimal"
        value={discount}
        onChange={(e) => setDiscount(e.target.value)}
        error={errors.discountMonthly}
      />
      <TextField
        label="Calibration end"
        type="date"
        value={calibrationEnd}
        onChange={(e) => setCalibrationEnd(e.target.value)}
        error={errors.calibrationEnd}
        hint="Empty: today."
      />
      <TextField
        label="Holdout end"
        type="date"
        value={holdoutEnd}
        onChange={(e) => setHoldoutEnd(e.target.value)}
        error={errors.holdoutEnd}
        hint="Set it to evaluate the model on the purchases after the calibration end; customers are not rescored."
      />
      <div className="form-footer">
        {serverError && (
          <p className="inline-error" role="alert">
            {sentence(serverError)}
          </p>
        )}
        <button type="submit" className="button button-primary" disabled={scoring.busy}>
          {scoring.busy ? 'Running…' : evaluation ? 'Evaluate' : 'Score now'}
        </button>
      </div>
      {scoring.run && (
        <div className="form-wide">
          <RunProgress run={scoring.run} label="Value run" />
        </div>
      )}
    </form>
  )
}
