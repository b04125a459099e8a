import { z } from 'zod'
import type { Executor, Row } from '../../db/database.js'
import { isUuid, newId } from '../../db/ids.js'
import { keysetAfter } from '../../db/keyset.js'
import { decodeCursor, type Page, type PageQuery, toPage } from '../../shared/pagination.js'
import type { Actor } from './actor.js'
import { cachedToken, forgetTokens, rememberToken, tokenCacheEpoch } from './api-token-cache.js'
import { PlatformError } from './platform.errors.js'
import { recordAudit } from './record-audit.js'
import { roleRank } from './roles.js'
import { randomSecret, sha256 } from './secrets.js'
import { RoleSchema } from './users.schemas.js'

export const CreateApiTokenInput = z.object({
  name: z.string().trim().min(1).max(100),
  role: RoleSchema,
  expiresAt: z.iso.datetime({ offset: true }).optional().describe('Optional expiry (ISO 8601)'),
})
export type CreateApiTokenInput = z.input<typeof CreateApiTokenInput>

export const ApiTokenView = z.object({
  id: z.uuid(),
  name: z.string(),
  role: RoleSchema,
  prefix: z.string().describe('First characters of the token, to recognise it'),
  createdAt: z.date(),
  expiresAt: z.date().nullable(),
  lastUsedAt: z.date().nullable(),
  revokedAt: z.date().nullable(),
})
export type ApiTokenView = z.infer<typeof ApiTokenView>

export const CreatedApiTokenView = ApiTokenView.extend({
  token: z.string().describe('The secret; shown this once, stored only as a hash'),
})

const toView = (r: Row<'api_tokens'>): ApiTokenView => ({
  id: r.id,
  name: r.name,
  role: r.role,
  prefix: r.prefix,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  lastUsedAt: r.last_used_at,
  revokedAt: r.revoked_at,
})

// The workspace id travels inside the token so that resolving it is a lookup scoped by workspace,
// like every other query (a router query on distributed PostgreSQL).
const TOKEN = /^ctk_([0-9a-f]{32})_([A-Za-z0-9_-]{43})$/

function workspaceOfToken(token: string): string | undefined {
  const hex = TOKEN.exec(token)?.[1]
  return (
    hex && `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
  )
}

export async function createApiToken(db: Executor, actor: Actor, input: CreateApiTokenInput) {
  const values = CreateApiTokenInput.parse(input)
  if (roleRank(values.role) > roleRank(actor.role)) {
    throw new PlatformError(
      'ROLE_ABOVE_OWN',
      `a ${actor.role} cannot create a token with role ${values.role}`,
    )
  }
  const token = `ctk_${actor.workspaceId.replaceAll('-', '')}_${randomSecret()}`
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('api_tokens')
      .values({
        workspace_id: actor.workspaceId,
        id: newId(),
        name: values.name,
        role: values.role,
        token_hash: sha256(token),
        prefix: `${token.slice(0, 4)}…${token.slice(-4)}`,
        created_by: actor.userId,
        expires_at: values.expiresAt ? new Date(values.expiresAt) : null,
      })
      .returningAll()
      .executeTakeFirstOrThrow()
    const view = toView(row)
    await recordAudit(trx, actor, {
      action: 'token.created',
      entityType: 'api_token',
      entityId: row.id,
      after: view,
    })
    return { ...view, token }
  })
}

export async function listApiTokens(
  db: Executor,
  workspaceId: string,
  query: PageQuery,
): Promise<Page<ApiTokenView>> {
  let qb = db.selectFrom('api_tokens').selectAll().where('workspace_id', '=', workspaceId)
  if (query.cursor) qb = qb.where(keysetAfter('id', 'id', 'desc', decodeCursor(query.cursor, 2)))
  const rows = await qb
    .orderBy('id', 'desc')
    .limit(query.limit + 1)
    .execute()
  return toPage(rows, query.limit, (r) => [r.id, r.id], toView)
}

export async function revokeApiToken(db: Executor, actor: Actor, tokenId: string): Promise<ApiTokenView> {
  // Before (a request from now on reads the database) and after the commit (a lookup that read
  // the token while the revoke was in flight is not kept).
  forgetTokens()
  try {
    return await revokeInTransaction(db, actor, tokenId)
  } finally {
    forgetTokens()
  }
}

function revokeInTransaction(db: Executor, actor: Actor, tokenId: string): Promise<ApiTokenView> {
  return db.transaction().execute(async (trx) => {
    const before = isUuid(tokenId)
      ? await trx
          .selectFrom('api_tokens')
          .selectAll()
          .where('workspace_id', '=', actor.workspaceId)
          .where('id', '=', tokenId)
          .executeTakeFirst()
      : undefined
    if (!before) throw new PlatformError('TOKEN_NOT_FOUND', `token ${tokenId} not found`)
    if (before.revoked_at) return toView(before)
    const row = await trx
      .updateTable('api_tokens')
      .set({ revoked_at: new Date() })
      .where('workspace_id', '=', actor.workspaceId)
      .where('id', '=', tokenId)
      .returningAll()
      .executeTakeFirstOrThrow()
    await recordAudit(trx, actor, {
      action: 'token.revoked',
      entityType: 'api_token',
      entityId: tokenId,
      before: toView(before),
      after: toView(row),
    })
    return toView(row)
  })
}

/** The actor behind a bearer token, or undefined when it is malformed, unknown, revoked or expired. */
export async function resolveApiToken(
  db: Executor,
  token: string,
  now = new Date(),
): Promise<Actor | undefined> {
  const workspaceId = workspaceOfToken(token)
  if (!workspaceId) return undefined
  const hash = sha256(token)
  const cached = cachedToken(hash, now)
  if (cached) return cached
  const since = tokenCacheEpoch()
  const row = await db
    .selectFrom('api_tokens')
    .select(['id', 'role', 'revoked_at', 'expires_at', 'last_used_at'])
    .where('workspace_id', '=', workspaceId)
    .where('token_hash', '=', hash)
    .executeTakeFirst()
  if (!row || row.revoked_at || (row.expires_at && row.expires_at <= now)) return undefined
  if (!row.last_used_at || now.getTime() - row.last_used_at.getTime() > 60_000) {
    await db
      .updateTable('api_tokens')
      .set({ last_used_at: now })
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', row.id)
      .execute()
  }
  const actor: Actor = { workspaceId, userId: null, tokenId: row.id, role: row.role }
  rememberToken(hash, actor, row.expires_at, since)
  return actor
}
