import { z } from 'zod'
import type { Executor } from '../../db/database.js'
import { dummyPasswordHash, verifyPassword } from './passwords.js'
import { PlatformError } from './platform.errors.js'
import { createSession, type NewSession } from './sessions.js'

export const LoginInput = z.object({
  email: z.string().trim().toLowerCase().max(254),
  password: z.string().max(200),
  workspace: z.string().max(63).optional().describe('Workspace slug; defaults to the first one of the login'),
})
export type LoginInput = z.input<typeof LoginInput>

/** After this many wrong passwords in a row the login is locked for LOCK_MINUTES. */
export const MAX_FAILED_ATTEMPTS = 5
export const LOCK_MINUTES = 15

/**
 * Checks a password and opens a session. The lock-out lives in the database, so it holds across
 * any number of servers; the answer for a wrong email and a wrong password is the same.
 */
export async function login(db: Executor, input: LoginInput, now = new Date()): Promise<NewSession> {
  const { email, password, workspace } = LoginInput.parse(input)
  const found = await db.selectFrom('logins').selectAll().where('email', '=', email).executeTakeFirst()
  if (found?.locked_until && found.locked_until > now) {
    const retryAfterSeconds = Math.ceil((found.locked_until.getTime() - now.getTime()) / 1000)
    throw new PlatformError('LOGIN_LOCKED', 'too many failed attempts; try again later', {
      retryAfterSeconds,
    })
  }
  const ok = await verifyPassword(found?.password_hash ?? (await dummyPasswordHash()), password)
  if (!found || !ok) {
    if (found) {
      const failed = found.failed_attempts + 1
      await db
        .updateTable('logins')
        .set({
          failed_attempts: failed >= MAX_FAILED_ATTEMPTS ? 0 : failed,
          locked_until:
            failed >= MAX_FAILED_ATTEMPTS ? new Date(now.getTime() + LOCK_MINUTES * 60_000) : null,
        })
        .where('id', '=', found.id)
        .execute()
    }
    throw new PlatformError('INVALID_CREDENTIALS', 'wrong email or password')
  }
  let memberships = db
    .selectFrom('users as u')
    .innerJoin('workspaces as w', 'w.id', 'u.workspace_id')
    .select(['u.workspace_id', 'w.slug'])
    .where('u.login_id', '=', found.id)
    .where('u.active', '=', true)
    .orderBy('u.created_at')
  if (workspace) memberships = memberships.where('w.slug', '=', workspace)
  const membership = await memberships.executeTakeFirst()
  if (!membership) throw new PlatformError('INVALID_CREDENTIALS', 'wrong email or password')
  await db
    .updateTable('logins')
    .set({ failed_attempts: 0, locked_until: null })
    .where('id', '=', found.id)
    .execute()
  return createSession(db, found.id, membership.workspace_id, now)
}
