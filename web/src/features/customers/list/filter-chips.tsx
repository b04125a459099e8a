import type { AttributeDefinition, CustomerFilter } from '../../../api/index.js'
import { capitalize } from '../../../ui/format.js'
import { describeCondition } from './attribute-conditions-editor.js'

interface Chip {
  id: string
  label: string
  without: () => CustomerFilter
}

function chipsOf(filter: CustomerFilter, definitions: AttributeDefinition[]): Chip[] {
  const f = filter
  const drop = (key: keyof CustomerFilter) => () => {
    const { [key]: _gone, ...rest } = f
    return rest
  }
  const chips: Chip[] = []
  if (f.kind) chips.push({ id: 'kind', label: `Kind: ${f.kind}`, without: drop('kind') })
  if (f.stages?.length)
    chips.push({
      id: 'stages',
      label: `Stage: ${f.stages.map(capitalize).join(', ')}`,
      without: drop('stages'),
    })
  if (f.tiers?.length)
    chips.push({ id: 'tiers', label: `Tier: ${f.tiers.join(', ')}`, without: drop('tiers') })
  if (f.tags?.length) chips.push({ id: 'tags', label: `Tags: ${f.tags.join(', ')}`, without: drop('tags') })
  if (f.countries?.length)
    chips.push({ id: 'countries', label: `Country: ${f.countries.join(', ')}`, without: drop('countries') })
  if (f.revenueMin)
    chips.push({ id: 'rmin', label: `Revenue ≥ ${f.revenueMin}`, without: drop('revenueMin') })
  if (f.revenueMax)
    chips.push({ id: 'rmax', label: `Revenue ≤ ${f.revenueMax}`, without: drop('revenueMax') })
  if (f.lastPurchaseAfter)
    chips.push({
      id: 'lpa',
      label: `Last purchase from ${f.lastPurchaseAfter.slice(0, 10)}`,
      without: drop('lastPurchaseAfter'),
    })
  if (f.lastPurchaseBefore)
    chips.push({
      id: 'lpb',
      label: `Last purchase before ${f.lastPurchaseBefore.slice(0, 10)}`,
      without: drop('lastPurchaseBefore'),
    })
  // Set by saved segments or the API rather than the panel; shown in words all the same.
  if (f.ordersMin !== undefined)
    chips.push({ id: 'omin', label: `Orders ≥ ${f.ordersMin}`, without: drop('ordersMin') })
  if (f.ordersMax !== undefined)
    chips.push({ id: 'omax', label: `Orders ≤ ${f.ordersMax}`, without: drop('ordersMax') })
  if (f.neverPurchased !== undefined)
    chips.push({
      id: 'never',
      label: f.neverPurchased ? 'Never purchased' : 'Has purchased',
      without: drop('neverPurchased'),
    })
  if (f.createdAfter)
    chips.push({
      id: 'ca',
      label: `Created from ${f.createdAfter.slice(0, 10)}`,
      without: drop('createdAfter'),
    })
  if (f.createdBefore)
    chips.push({
      id: 'cb',
      label: `Created before ${f.createdBefore.slice(0, 10)}`,
      without: drop('createdBefore'),
    })
  if (f.languages?.length)
    chips.push({ id: 'languages', label: `Language: ${f.languages.join(', ')}`, without: drop('languages') })
  if (f.ownerId)
    chips.push({
      id: 'owner',
      label: f.ownerId === 'none' ? 'No owner' : 'One owner',
      without: drop('ownerId'),
    })
  if (f.organisationId)
    chips.push({ id: 'org', label: 'Contacts of one organisation', without: drop('organisationId') })
  f.attributes?.forEach((c, i) => {
    chips.push({
      id: `attr-${i}`,
      label: describeCondition(
        c,
        definitions.find((d) => d.key === c.key),
      ),
      without: () => ({ ...f, attributes: f.attributes?.filter((_, j) => j !== i) }),
    })
  })
  // Fields the panel does not edit (set by the API or a saved segment) still show, and can go.
  const known = new Set([
    'q',
    'kind',
    'stages',
    'tiers',
    'tags',
    'countries',
    'revenueMin',
    'revenueMax',
    'lastPurchaseAfter',
    'lastPurchaseBefore',
    'attributes',
    'ordersMin',
    'ordersMax',
    'neverPurchased',
    'createdAfter',
    'createdBefore',
    'languages',
    'ownerId',
    'organisationId',
  ])
  for (const key of Object.keys(f) as (keyof CustomerFilter)[]) {
    if (!known.has(key)) chips.push({ id: key, label: `${key}: ${String(f[key])}`, without: drop(key) })
  }
  return chips
}

/** The filters in force, each removable on its own. */
export function FilterChips({
  filter,
  definitions,
  onChange,
}: {
  filter: CustomerFilter
  definitions: AttributeDefinition[]
  onChange: (filter: CustomerFilter) => void
}) {
  const chips = chipsOf(filter, definitions)
  if (chips.length === 0) return null
  return (
    <ul className="chips" aria-label="Filters in force">
      {chips.map((chip) => (
        <li key={chip.id} className="chip">
          <span>{chip.label}</span>
          <button
            type="button"
            className="chip-remove"
            aria-label={`Remove filter ${chip.label}`}
            onClick={() => onChange(chip.without())}
          >
            ×
          </button>
        </li>
      ))}
    </ul>
  )
}

export const activeFilterCount = (filter: CustomerFilter, definitions: AttributeDefinition[]) =>
  chipsOf(filter, definitions).length
