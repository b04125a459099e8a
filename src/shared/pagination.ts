import { z } from 'zod'
import { DomainError } from './domain-error.js'

/**
 * Keyset (cursor) pagination. A cursor carries the last row's sort value and id, so a page costs
 * one index range scan however deep the client goes, and rows inserted meanwhile are not skipped.
 */
export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50).describe('Rows per page (1–500)'),
  cursor: z.string().max(500).optional().describe('Opaque cursor from the previous page'),
})
export type PageQuery = z.infer<typeof PageQuery>

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    nextCursor: z
      .string()
      .nullable()
      .describe('Pass as `cursor` to get the next page; null on the last page'),
  })
}

export interface Page<T> {
  items: T[]
  nextCursor: string | null
}

type CursorValue = string | number | boolean | null

export function encodeCursor(values: CursorValue[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url')
}

export function decodeCursor(cursor: string, length: number): CursorValue[] {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
    if (Array.isArray(parsed) && parsed.length === length) return parsed as CursorValue[]
  } catch {}
  throw new DomainError('invalid', 'INVALID_CURSOR', 'cursor is not valid for this list', {
    fields: [{ path: 'cursor', message: 'not a cursor from this list' }],
  })
}

/** Parses `sort=field` / `sort=-field` against the fields a list allows. */
export function parseSort<F extends string>(
  sort: string | undefined,
  allowed: readonly F[],
  fallback: F,
): { field: F; direction: 'asc' | 'desc' } {
  if (!sort) return { field: fallback, direction: 'asc' }
  const direction = sort.startsWith('-') ? 'desc' : 'asc'
  const field = sort.replace(/^-/, '') as F
  if (!allowed.includes(field)) {
    throw new DomainError('invalid', 'INVALID_SORT', `cannot sort by ${field}`, {
      fields: [{ path: 'sort', message: `one of ${allowed.map((f) => `${f}, -${f}`).join(', ')}` }],
    })
  }
  return { field, direction }
}

/** Takes limit+1 rows, returns a page and the cursor of its last row. */
export function toPage<R, T>(
  rows: R[],
  limit: number,
  cursorOf: (row: R) => CursorValue[],
  view: (row: R) => T,
): Page<T> {
  const more = rows.length > limit
  const pageRows = more ? rows.slice(0, limit) : rows
  const last = pageRows[pageRows.length - 1]
  return {
    items: pageRows.map(view),
    nextCursor: more && last !== undefined ? encodeCursor(cursorOf(last)) : null,
  }
}
