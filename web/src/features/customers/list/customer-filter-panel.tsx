import { type FormEvent, useState } from 'react'
import {
  type AttributeDefinition,
  type CustomerFilter,
  LIFECYCLE_STAGES,
  type LifecycleStage,
} from '../../../api/index.js'
import { TextField } from '../../../ui/field.js'
import { capitalize } from '../../../ui/format.js'
import { AttributeConditionsEditor } from './attribute-conditions-editor.js'
import { cleanFilter } from './customer-list-state.js'

const list = (text: string) =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)

const DECIMAL = /^\d{1,16}(\.\d{1,2})?$/

/**
 * Every filter but the search text, edited as a draft and applied together: one request per
 * "Apply" rather than one per keystroke in each field.
 */
export function CustomerFilterPanel({
  filter,
  definitions,
  onApply,
  onClose,
}: {
  filter: CustomerFilter
  definitions: AttributeDefinition[]
  onApply: (filter: CustomerFilter) => void
  onClose: () => void
}) {
  const [stages, setStages] = useState<LifecycleStage[]>(filter.stages ?? [])
  const [tiers, setTiers] = useState((filter.tiers ?? []).join(', '))
  const [tags, setTags] = useState((filter.tags ?? []).join(', '))
  const [countries, setCountries] = useState((filter.countries ?? []).join(', '))
  const [revenueMin, setRevenueMin] = useState(filter.revenueMin ?? '')
  const [revenueMax, setRevenueMax] = useState(filter.revenueMax ?? '')
  const [after, setAfter] = useState(filter.lastPurchaseAfter?.slice(0, 10) ?? '')
  const [before, setBefore] = useState(filter.lastPurchaseBefore?.slice(0, 10) ?? '')
  const [conditions, setConditions] = useState(filter.attributes ?? [])
  const [errors, setErrors] = useState<{ revenueMin?: string; revenueMax?: string }>({})

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const bad = {
      ...(revenueMin && !DECIMAL.test(revenueMin) && { revenueMin: 'Enter an amount such as 100 or 99.50.' }),
      ...(revenueMax && !DECIMAL.test(revenueMax) && { revenueMax: 'Enter an amount such as 100 or 99.50.' }),
    }
    setErrors(bad)
    if (Object.keys(bad).length) return
    onApply(
      cleanFilter({
        ...filter,
        stages,
        tiers: list(tiers),
        tags: list(tags),
        countries: list(countries).map((c) => c.toUpperCase()),
        revenueMin: revenueMin || undefined,
        revenueMax: revenueMax || undefined,
        lastPurchaseAfter: after || undefined,
        lastPurchaseBefore: before || undefined,
        // A condition that still lacks its value would be refused; leave it out.
        attributes: conditions.filter(
          (c) => c.op === 'exists' || c.op === 'missing' || c.value !== undefined,
        ),
      }),
    )
  }

  return (
    <form className="card filter-panel" onSubmit={submit} noValidate aria-label="Filters">
      <fieldset className="stage-choices">
        <legend>Lifecycle stage</legend>
        {LIFECYCLE_STAGES.map((stage) => (
          <label key={stage} className="checkbox">
            <input
              type="checkbox"
              checked={stages.includes(stage)}
              onChange={(e) =>
                setStages(e.target.checked ? [...stages, stage] : stages.filter((s) => s !== stage))
              }
            />
            {capitalize(stage)}
          </label>
        ))}
      </fieldset>
      <div className="filter-grid">
        <TextField
          label="Tier"
          value={tiers}
          onChange={(e) => setTiers(e.target.value)}
          hint="Comma-separated; “none” for no tier"
        />
        <TextField label="Tags" value={tags} onChange={(e) => setTags(e.target.value)} hint="All of these" />
        <TextField
          label="Country"
          value={countries}
          onChange={(e) => setCountries(e.target.value)}
          hint="Codes such as DE, FR"
        />
        <TextField
          label="Revenue from"
          inputMode="decimal"
          value={revenueMin}
          onChange={(e) => setRevenueMin(e.target.value.trim())}
          error={errors.revenueMin}
        />
        <TextField
          label="Revenue to"
          inputMode="decimal"
          value={revenueMax}
          onChange={(e) => setRevenueMax(e.target.value.trim())}
          error={errors.revenueMax}
        />
        <TextField
          label="Last purchase from"
          type="date"
          value={after}
          onChange={(e) => setAfter(e.target.value)}
        />
        <TextField
          label="Last purchase before"
          type="date"
          value={before}
          onChange={(e) => setBefore(e.target.value)}
        />
      </div>
      <AttributeConditionsEditor definitions={definitions} conditions={conditions} onChange={setConditions} />
      <div className="button-row">
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="button button-primary">
          Apply filters
        </button>
      </div>
    </form>
  )
}
