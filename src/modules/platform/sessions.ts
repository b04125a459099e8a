import type { Executor } from '../../db/database.js'
import type { Actor } from './actor.js'
import { randomSecret, sha256 } from './secrets.js'

export const SESSION_DAYS = 14

export interface NewSession {
  token: string
  csrfToken: string
  expiresAt: Date
}

export async function createSession(
  db: Executor,
  loginId: string,
  workspaceId: string,
  now = new Date(),
): Promise<NewSession> {
  const token = randomSecret()
  const csrfToken = randomSecret()
  const expiresAt = new Date(now.getTime() + SESSION_DAYS * 86_400_000)
  await db
    .insertInto('sessions')
    .values({
      id: sha256(token),
      login_id: loginId,
      workspace_id: workspaceId,
      csrf_token: csrfToken,
      expires_at: expiresAt,
    })
    .execute()
  return { token, csrfToken, expiresAt }
}

export interface SessionActor extends Actor {
  loginId: string
  csrfToken: string
}

/** The actor behind a session cookie, or undefined when it is unknown, expired or its user is inactive. */
export async function resolveSession(
  db: Executor,
  token: string,
  now = new Date(),
): Promise<SessionActor | undefined> {
  const row = await db
    .selectFrom('sessions as s')
    .innerJoin('users as u', (j) =>
      j.onRef('u.workspace_id', '=', 's.workspace_id').onRef('u.login_id', '=', 's.login_id'),
    )
    .select([
      's.id',
      's.workspace_id',
      's.login_id',
      's.csrf_token',
      's.expires_at',
      's.last_seen_at',
      'u.id as user_id',
      'u.role',
      'u.active',
    ])
    .where('s.id', '=', sha256(token))
    .executeTakeFirst()
  if (!row?.active || row.expires_at <= now) return undefined
  // Sliding expiry, written at most once an hour so reads stay reads.
  if (now.getTime() - row.last_seen_at.getTime() > 3_600_000) {
    await db
      .updateTable('sessions')
      .set({ last_seen_at: now, expires_at: new Date(now.getTime() + SESSION_DAYS * 86_400_000) })
      .where('id', '=', row.id)
      .execute()
  }
  return {
    workspaceId: row.workspace_id,
    userId: row.user_id,
    tokenId: null,
    role: row.role,
    loginId: row.login_id,
    csrfToken: row.csrf_token,
  }
}

export async function deleteSession(db: Executor, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sha256(token)).execute()
}
