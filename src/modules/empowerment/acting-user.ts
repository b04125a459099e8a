import type { Executor } from '../../db/database.js'
import { type Actor, systemActor } from '../platform/index.js'
import { EmpowermentError } from './empowerment.errors.js'

/**
 * The actor a command-line grant or decision runs as: the member with this email (their role and
 * authority), or the system (owner rights) when no email is given.
 */
export async function actingUser(db: Executor, workspaceId: string, email?: string): Promise<Actor> {
  if (!email) return systemActor(workspaceId)
  const user = await db
    .selectFrom('users as u')
    .innerJoin('logins as l', 'l.id', 'u.login_id')
    .select(['u.id', 'u.role'])
    .where('u.workspace_id', '=', workspaceId)
    .where('l.email', '=', email.trim().toLowerCase())
    .where('u.active', '=', true)
    .executeTakeFirst()
  if (!user)
    throw new EmpowermentError('UNKNOWN_REFERENCE', `no active member ${email} in this workspace`, {
      fields: [{ path: 'as', message: 'no such member' }],
    })
  return { workspaceId, userId: user.id, tokenId: null, role: user.role }
}
