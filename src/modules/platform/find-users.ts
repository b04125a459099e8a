import type { z } from 'zod'
import type { Executor } from '../../db/database.js'
import { isUuid } from '../../db/ids.js'
import { keysetAfter } from '../../db/keyset.js'
import { decodeCursor, type Page, type PageQuery, parseSort, toPage } from '../../shared/pagination.js'
import { PlatformError } from './platform.errors.js'
import { selectUsers, toUserView } from './users.queries.js'
import type { ListUsersQuery, UserView } from './users.schemas.js'

// created_at sorts by the id: ids are UUIDv7, so id order is creation order at full precision.
const SORTS = { name: 'u.name', email: 'l.email', created_at: 'u.id' } as const

export async function listUsers(
  db: Executor,
  workspaceId: string,
  query: z.infer<typeof ListUsersQuery> & PageQuery,
): Promise<Page<UserView>> {
  const sort = parseSort(query.sort, Object.keys(SORTS) as (keyof typeof SORTS)[], 'created_at')
  const column = SORTS[sort.field]
  let qb = selectUsers(db, workspaceId)
  if (query.q) {
    const like = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
    qb = qb.where((eb) => eb.or([eb('u.name', 'ilike', like), eb('l.email', 'ilike', like)]))
  }
  if (query.role) qb = qb.where('u.role', '=', query.role)
  if (query.active) qb = qb.where('u.active', '=', query.active === 'true')
  if (query.cursor) qb = qb.where(keysetAfter(column, 'u.id', sort.direction, decodeCursor(query.cursor, 2)))
  const rows = await qb
    .orderBy(column, sort.direction)
    .orderBy('u.id', sort.direction)
    .limit(query.limit + 1)
    .execute()
  const sortValue = (r: (typeof rows)[number]) => {
    return { name: r.name, email: r.email, created_at: r.id }[sort.field]
  }
  return toPage(rows, query.limit, (r) => [sortValue(r), r.id], toUserView)
}

export async function getUser(db: Executor, workspaceId: string, userId: string): Promise<UserView> {
  // A malformed id is just an id that does not exist here.
  const row = isUuid(userId)
    ? await selectUsers(db, workspaceId).where('u.id', '=', userId).executeTakeFirst()
    : undefined
  if (!row) throw new PlatformError('USER_NOT_FOUND', `user ${userId} not found`)
  return toUserView(row)
}
