import type { MappingPreview } from '../../../api/index.js'

/** Per file column (by position): the canonical column it feeds, or '' when it is ignored. */
export type Assignment = string[]

/** The server's suggestion as an assignment: each column goes to the first header it names. */
export function assignmentFrom(preview: MappingPreview, headers: string[]): Assignment {
  const taken = new Set<number>()
  const assignment: Assignment = headers.map(() => '')
  for (const [column, header] of Object.entries(preview.mapping)) {
    const index = headers.findIndex((h, i) => h === header && !taken.has(i))
    if (index === -1) continue
    taken.add(index)
    assignment[index] = column
  }
  return assignment
}

/** Gives a column to one file column; whichever file column had it before is ignored from now on. */
export function assign(assignment: Assignment, index: number, column: string): Assignment {
  return assignment.map((c, i) => (i === index ? column : column !== '' && c === column ? '' : c))
}

/**
 * The explicit mapping for the import job: every column of the kind, mapped to its header or
 * switched off (''), so the server applies exactly what the user saw, with no detection of its own.
 */
export function mappingOf(
  columns: MappingPreview['columns'],
  headers: string[],
  assignment: Assignment,
): Record<string, string> {
  return Object.fromEntries(
    columns.map((c) => {
      const index = assignment.indexOf(c.name)
      return [c.name, index === -1 ? '' : (headers[index] ?? '')]
    }),
  )
}

/** Required columns no file column feeds: the server would refuse the file. */
export const missingColumns = (columns: MappingPreview['columns'], assignment: Assignment) =>
  columns.filter((c) => c.required && !assignment.includes(c.name)).map((c) => c.name)
