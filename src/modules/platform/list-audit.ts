import { z } from 'zod'
import type { Executor } from '../../db/database.js'
import { keysetAfter } from '../../db/keyset.js'
import { decodeCursor, type Page, type PageQuery, toPage } from '../../shared/pagination.js'

export const ListAuditQuery = z.object({
  entityType: z.string().max(60).optional(),
  entityId: z.string().max(100).optional(),
  action: z.string().max(60).optional(),
  actorUserId: z.uuid().optional(),
  since: z.iso.datetime({ offset: true }).optional(),
  until: z.iso.datetime({ offset: true }).optional(),
})

export const AuditEntryView = z.object({
  id: z.uuid(),
  at: z.date(),
  actorUserId: z.uuid().nullable(),
  actorTokenId: z.uuid().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  requestId: z.string().nullable(),
})
export type AuditEntryView = z.infer<typeof AuditEntryView>

/** Newest first (ids are UUIDv7, so id order is time order). */
export async function listAudit(
  db: Executor,
  workspaceId: string,
  query: z.infer<typeof ListAuditQuery> & PageQuery,
): Promise<Page<AuditEntryView>> {
  let qb = db.selectFrom('audit_log').selectAll().where('workspace_id', '=', workspaceId)
  if (query.entityType) qb = qb.where('entity_type', '=', query.entityType)
  if (query.entityId) qb = qb.where('entity_id', '=', query.entityId)
  if (query.action) qb = qb.where('action', '=', query.action)
  if (query.actorUserId) qb = qb.where('actor_user_id', '=', query.actorUserId)
  if (query.since) qb = qb.where('at', '>=', new Date(query.since))
  if (query.until) qb = qb.where('at', '<', new Date(query.until))
  if (query.cursor) qb = qb.where(keysetAfter('id', 'id', 'desc', decodeCursor(query.cursor, 2)))
  const rows = await qb
    .orderBy('id', 'desc')
    .limit(query.limit + 1)
    .execute()
  return toPage(
    rows,
    query.limit,
    (r) => [r.id, r.id],
    (r) => ({
      id: r.id,
      at: r.at,
      actorUserId: r.actor_user_id,
      actorTokenId: r.actor_token_id,
      action: r.action,
      entityType: r.entity_type,
      entityId: r.entity_id,
      before: r.before,
      after: r.after,
      requestId: r.request_id,
    }),
  )
}
