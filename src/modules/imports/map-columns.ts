import { IMPORT_COLUMNS, type ImportKind, normaliseHeader } from './import-columns.js'
import { ImportError } from './imports.errors.js'

/** Canonical column → the file header it comes from; `''` turns a column's auto-detection off. */
export type ColumnMapping = Record<string, string>

export interface MappedColumns {
  /** Canonical column → index of the file field, for every column the file provides. */
  fields: Map<string, number>
  /** Canonical column → header, as reported back to the user. */
  mapping: Record<string, string>
  /** Headers no column uses: ignored, and reported. */
  ignored: string[]
}

/**
 * Decides which file column feeds which canonical column (see matchColumns) and refuses a file
 * that leaves a required column without one.
 */
export function mapColumns(
  kind: ImportKind,
  headers: readonly string[],
  explicit: ColumnMapping = {},
): MappedColumns {
  const { missing, ...mapped } = matchColumns(kind, headers, explicit)
  if (missing.length > 0) {
    throw new ImportError(
      'MISSING_COLUMNS',
      `the file has no column for ${missing.join(', ')}; its headers are: ${headers.join(', ')}. ` +
        `Map one explicitly, e.g. ${missing[0]}=<header>`,
      { fields: missing.map((c) => ({ path: `mapping.${c}`, message: 'no matching column in the file' })) },
    )
  }
  return mapped
}

/**
 * Which file column feeds which canonical column: the explicit mapping first, then exact
 * canonical names, then the known header names of common exports, best alias first. `missing`
 * lists the required columns left without one.
 */
export function matchColumns(
  kind: ImportKind,
  headers: readonly string[],
  explicit: ColumnMapping = {},
): MappedColumns & { missing: string[] } {
  const columns = IMPORT_COLUMNS[kind]
  const normalised = headers.map(normaliseHeader)
  const claimed = new Set<number>()
  const fields = new Map<string, number>()
  const off = new Set<string>()
  const claim = (column: string, index: number) => {
    fields.set(column, index)
    claimed.add(index)
  }

  for (const [column, header] of Object.entries(explicit)) {
    if (!columns.some((c) => c.name === column)) {
      throw new ImportError('INVALID_MAPPING', `unknown column ${column} in the mapping`, {
        fields: [{ path: `mapping.${column}`, message: `one of ${columns.map((c) => c.name).join(', ')}` }],
      })
    }
    if (header === '') {
      off.add(column)
      continue
    }
    let index = headers.indexOf(header)
    if (index === -1) index = normalised.indexOf(normaliseHeader(header))
    if (index === -1) {
      throw new ImportError('INVALID_MAPPING', `the file has no column "${header}" (mapped to ${column})`, {
        fields: [{ path: `mapping.${column}`, message: `not a header of the file: ${headers.join(', ')}` }],
      })
    }
    claim(column, index)
  }

  const open = columns.filter((c) => !fields.has(c.name) && !off.has(c.name))
  const find = (name: string) => normalised.findIndex((h, i) => h === name && !claimed.has(i))
  for (const column of open) {
    const index = find(normaliseHeader(column.name))
    if (index !== -1) claim(column.name, index)
  }
  for (const column of open) {
    if (fields.has(column.name)) continue
    for (const alias of column.aliases) {
      const index = find(alias)
      if (index !== -1) {
        claim(column.name, index)
        break
      }
    }
  }

  const missing = columns.filter((c) => c.required && !fields.has(c.name)).map((c) => c.name)
  const mapping = Object.fromEntries(
    columns.filter((c) => fields.has(c.name)).map((c) => [c.name, headers[fields.get(c.name)!]!]),
  )
  const ignored = headers.filter((h, i) => !claimed.has(i) && h !== '')
  return { fields, mapping, ignored, missing }
}
