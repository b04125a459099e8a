/** A minimal JSON value that satisfies a JSON Schema from the OpenAPI document (the subset zod emits). */
type Schema = Record<string, unknown>

export function exampleFor(
  schema: Schema | undefined,
  components: Record<string, Schema> = {},
  depth = 0,
): unknown {
  if (!schema || depth > 8) return null
  if (typeof schema.$ref === 'string')
    return exampleFor(components[schema.$ref.split('/').pop() ?? ''], components, depth + 1)
  if ('const' in schema) return schema.const
  if (Array.isArray(schema.enum)) return schema.enum[0]
  const anyOf = (schema.anyOf ?? schema.oneOf ?? schema.allOf) as Schema[] | undefined
  // null is the most minimal value where allowed: it avoids guessing a string's pattern.
  if (anyOf?.some((s) => s.type === 'null')) return null
  if (anyOf?.[0]) return exampleFor(anyOf[0], components, depth + 1)
  if (Array.isArray(schema.type) && schema.type.includes('null')) return null
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type
  switch (type) {
    case 'object': {
      const props = (schema.properties ?? {}) as Record<string, Schema>
      return Object.fromEntries(
        Object.entries(props).map(([k, v]) => [k, exampleFor(v, components, depth + 1)]),
      )
    }
    case 'array':
      return Array.from({ length: Number(schema.minItems ?? 0) }, () =>
        exampleFor(schema.items as Schema, components, depth + 1),
      )
    case 'integer':
    case 'number':
      return Math.max(Number(schema.minimum ?? 1), Number(schema.exclusiveMinimum ?? 0) + 1)
    case 'boolean':
      return false
    case 'string':
      switch (schema.format) {
        case 'email':
          return 'probe@example.com'
        case 'uuid':
          return '00000000-0000-4000-8000-000000000000'
        case 'date-time':
          return new Date().toISOString()
        case 'date':
          return '2026-01-01'
        default: {
          const plain = 'x'.repeat(Math.max(1, Number(schema.minLength ?? 1)))
          if (typeof schema.pattern !== 'string') return plain
          // A few shapes cover the patterns in use (codes, amounts, keys); else the plain string.
          const pattern = new RegExp(schema.pattern, 'u')
          return (
            ['x', '1', 'DE', 'en', 'a1', '2026-01-01', '+4930123456'].find((c) => pattern.test(c)) ?? plain
          )
        }
      }
    default:
      return null
  }
}
