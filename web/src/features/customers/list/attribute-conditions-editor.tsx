import type { AttributeCondition, AttributeDefinition, AttributeOperator } from '../../../api/index.js'
import { AttributeValueInput } from '../attribute-value-input.js'

const OPERATORS: Record<AttributeDefinition['type'], AttributeOperator[]> = {
  text: ['eq', 'neq', 'contains', 'exists', 'missing'],
  number: ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'exists', 'missing'],
  date: ['eq', 'gt', 'gte', 'lt', 'lte', 'exists', 'missing'],
  boolean: ['eq', 'exists', 'missing'],
  select: ['eq', 'neq', 'exists', 'missing'],
  multiselect: ['contains', 'exists', 'missing'],
}

function operatorLabel(op: AttributeOperator, type: AttributeDefinition['type']): string {
  const dated = type === 'date'
  switch (op) {
    case 'eq':
      return 'is'
    case 'neq':
      return 'is not'
    case 'gt':
      return dated ? 'after' : 'more than'
    case 'gte':
      return dated ? 'on or after' : 'at least'
    case 'lt':
      return dated ? 'before' : 'less than'
    case 'lte':
      return dated ? 'on or before' : 'at most'
    case 'contains':
      return type === 'multiselect' ? 'includes' : 'contains'
    case 'exists':
      return 'has a value'
    case 'missing':
      return 'is empty'
  }
}

export function describeCondition(
  c: AttributeCondition,
  definition: AttributeDefinition | undefined,
): string {
  const label = definition?.label ?? c.key
  const op = operatorLabel(c.op, definition?.type ?? 'text')
  if (c.op === 'exists' || c.op === 'missing') return `${label} ${op}`
  const value = typeof c.value === 'boolean' ? (c.value ? 'yes' : 'no') : String(c.value ?? '')
  return `${label} ${op} ${value}`
}

/** Rows of "attribute – operator – value" conditions on custom attributes; all must hold. */
export function AttributeConditionsEditor({
  definitions,
  conditions,
  onChange,
}: {
  definitions: AttributeDefinition[]
  conditions: AttributeCondition[]
  onChange: (conditions: AttributeCondition[]) => void
}) {
  const first = definitions[0]
  const replace = (index: number, next: AttributeCondition) =>
    onChange(conditions.map((c, i) => (i === index ? next : c)))

  return (
    <fieldset className="conditions">
      <legend>Custom attributes</legend>
      {conditions.map((condition, index) => {
        const definition = definitions.find((d) => d.key === condition.key)
        const type = definition?.type ?? 'text'
        const n = index + 1
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: conditions have no identity of their own
          <div className="condition-row" key={index}>
            <select
              className="input"
              aria-label={`Attribute of condition ${n}`}
              value={condition.key}
              onChange={(e) => {
                const next = definitions.find((d) => d.key === e.target.value)
                replace(index, { key: e.target.value, op: OPERATORS[next?.type ?? 'text'][0] ?? 'eq' })
              }}
            >
              {definitions.map((d) => (
                <option key={d.key} value={d.key}>
                  {d.label}
                </option>
              ))}
            </select>
            <select
              className="input"
              aria-label={`Operator of condition ${n}`}
              value={condition.op}
              onChange={(e) => {
                const op = e.target.value as AttributeOperator
                const { value, ...rest } = condition
                replace(index, op === 'exists' || op === 'missing' ? { ...rest, op } : { ...condition, op })
              }}
            >
              {OPERATORS[type].map((op) => (
                <option key={op} value={op}>
                  {operatorLabel(op, type)}
                </option>
              ))}
            </select>
            {definition && condition.op !== 'exists' && condition.op !== 'missing' ? (
              <AttributeValueInput
                // A multi-select condition asks about one option at a time.
                definition={type === 'multiselect' ? { ...definition, type: 'select' } : definition}
                label={`Value of condition ${n}`}
                value={condition.value}
                onChange={(value) => {
                  const { value: _old, ...rest } = condition
                  replace(
                    index,
                    value === undefined ? rest : { ...rest, value: value as string | number | boolean },
                  )
                }}
              />
            ) : (
              <span />
            )}
            <button
              type="button"
              className="button button-small button-quiet"
              aria-label={`Remove condition ${n}`}
              onClick={() => onChange(conditions.filter((_, i) => i !== index))}
            >
              Remove
            </button>
          </div>
        )
      })}
      {first ? (
        <button
          type="button"
          className="button button-small"
          onClick={() => onChange([...conditions, { key: first.key, op: OPERATORS[first.type][0] ?? 'eq' }])}
        >
          Add condition
        </button>
      ) : (
        <p className="muted">No custom attributes are defined yet.</p>
      )}
    </fieldset>
  )
}
