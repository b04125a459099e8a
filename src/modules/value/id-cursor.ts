import { isUuid } from '../../db/ids.js'
import { DomainError } from '../../shared/domain-error.js'
import { decodeCursor } from '../../shared/pagination.js'

/** The id a newest-first list's cursor carries; anything else is a bad cursor (400), not a 500. */
export function idFromCursor(cursor: string): string {
  const [id] = decodeCursor(cursor, 1)
  if (typeof id === 'string' && isUuid(id)) return id
  throw new DomainError('invalid', 'INVALID_CURSOR', 'cursor is not valid for this list', {
    fields: [{ path: 'cursor', message: 'not a cursor from this list' }],
  })
}
