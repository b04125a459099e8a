import type { Insertable } from 'kysely'
import type { AuditLogTable, Executor } from '../../db/database.js'
import { newId } from '../../db/ids.js'
import type { Actor } from './actor.js'

export interface AuditEntry {
  action: string
  entityType: string
  entityId: string
  before?: unknown
  after?: unknown
}

/** Appends one audit row; call it in the same transaction as the write it describes. */
export async function recordAudit(db: Executor, actor: Actor, entry: AuditEntry): Promise<void> {
  await db.insertInto('audit_log').values(auditRow(actor, entry)).execute()
}

/** The audit row for an entry, for a write that inserts it in its own statement. */
export function auditRow(actor: Actor, entry: AuditEntry): Insertable<AuditLogTable> {
  return {
    workspace_id: actor.workspaceId,
    id: newId(),
    actor_user_id: actor.userId,
    actor_token_id: actor.tokenId,
    action: entry.action,
    entity_type: entry.entityType,
    entity_id: entry.entityId,
    before: entry.before === undefined ? null : JSON.stringify(entry.before),
    after: entry.after === undefined ? null : JSON.stringify(entry.after),
    request_id: actor.requestId ?? null,
  }
}
