import type { Executor } from '../../db/database.js'
import type { UserView } from './users.schemas.js'

/** Users joined with their login's email: the shape every user view is built from. */
export function selectUsers(db: Executor, workspaceId: string) {
  return db
    .selectFrom('users as u')
    .innerJoin('logins as l', 'l.id', 'u.login_id')
    .where('u.workspace_id', '=', workspaceId)
    .select([
      'u.id',
      'l.email',
      'u.name',
      'u.role',
      'u.active',
      'u.created_at',
      'u.updated_at',
      'u.login_id',
      'u.workspace_id',
    ])
}

export function toUserView(row: {
  id: string
  email: string
  name: string
  role: UserView['role']
  active: boolean
  created_at: Date
  updated_at: Date
}): UserView {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    active: row.active,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}
