import { isUuid } from '../../db/ids.js'
import { DomainError } from '../../shared/domain-error.js'
import { decodeCursor } from '../../shared/pagination.js'

/** The id a keyset cursor of these lists carries; anything else is a bad cursor (400). */
export function idFromCursor(cursor: string): string {
  const [id] = decodeCursor(cursor, 1)
  if (typeof id !== 'string' || !isUuid(id))
    throw new DomainError('invalid', 'INVALID_CURSOR', 'cursor is not valid for this list', {
      fields: [{ path: 'cursor', message: 'not a cursor from this list' }],
    })
  return id
}
