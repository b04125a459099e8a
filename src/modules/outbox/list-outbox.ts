import { z } from 'zod'
import type { Executor } from '../../db/database.js'

export const OutboxQuery = z.object({
  status: z.enum(['pending', 'sending', 'sent', 'dead']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
})
export type OutboxQuery = z.input<typeof OutboxQuery>

export const OutboxMessageView = z.object({
  id: z.uuid(),
  kind: z.string(),
  idempotencyKey: z.string(),
  customerId: z.uuid().nullable(),
  status: z.enum(['pending', 'sending', 'sent', 'dead']),
  attempts: z.number().int(),
  nextAttemptAt: z.date(),
  lastError: z.string().nullable(),
  createdAt: z.date(),
  sentAt: z.date().nullable(),
})
export type OutboxMessageView = z.infer<typeof OutboxMessageView>

/** The newest outbox messages of a workspace, optionally by status (dead letters, for example). */
export async function listOutbox(
  db: Executor,
  workspaceId: string,
  query: OutboxQuery,
): Promise<OutboxMessageView[]> {
  const q = OutboxQuery.parse(query)
  let select = db
    .selectFrom('outbox_messages')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .orderBy('id', 'desc')
    .limit(q.limit)
  if (q.status) select = select.where('status', '=', q.status)
  const rows = await select.execute()
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    idempotencyKey: r.idempotency_key,
    customerId: r.customer_id,
    status: r.status,
    attempts: r.attempts,
    nextAttemptAt: r.next_attempt_at,
    lastError: r.last_error,
    createdAt: r.created_at,
    sentAt: r.sent_at,
  }))
}
