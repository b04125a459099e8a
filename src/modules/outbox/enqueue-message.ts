import type { Executor } from '../../db/database.js'
import { newId } from '../../db/ids.js'

export interface NewOutboxMessage {
  /** What delivers it: a sender is registered per kind (e.g. `email`). */
  kind: string
  /** One message per key and workspace: enqueueing the same key again is a no-op. */
  idempotencyKey: string
  payload: Record<string, unknown>
  /** The customer it concerns, so its delivery shows on their timeline. */
  customerId?: string | null
  maxAttempts?: number
  /** Not before this instant (defaults to now). */
  notBefore?: Date
}

/**
 * Adds a message to the outbox in the caller's transaction, so it is sent exactly when the
 * business change that caused it commits. Returns the message id and whether it was new.
 */
export async function enqueueMessage(
  db: Executor,
  workspaceId: string,
  message: NewOutboxMessage,
): Promise<{ id: string; created: boolean }> {
  const inserted = await db
    .insertInto('outbox_messages')
    .values({
      workspace_id: workspaceId,
      id: newId(),
      kind: message.kind,
      idempotency_key: message.idempotencyKey,
      payload: JSON.stringify(message.payload),
      customer_id: message.customerId ?? null,
      ...(message.maxAttempts ? { max_attempts: message.maxAttempts } : {}),
      ...(message.notBefore ? { next_attempt_at: message.notBefore } : {}),
    })
    .onConflict((oc) => oc.columns(['workspace_id', 'idempotency_key']).doNothing())
    .returning('id')
    .executeTakeFirst()
  if (inserted) return { id: inserted.id, created: true }
  const existing = await db
    .selectFrom('outbox_messages')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('idempotency_key', '=', message.idempotencyKey)
    .executeTakeFirstOrThrow()
  return { id: existing.id, created: false }
}
