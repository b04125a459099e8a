import type { Executor } from '../../../db/database.js'
import { newId } from '../../../db/ids.js'
import type { Actor } from '../../platform/index.js'

export interface NewTimelineEvent {
  customerId: string
  /** Dotted, module first: `customer.tier_changed`, `case.opened`, `grant.approved`. */
  type: string
  summary: string
  data?: Record<string, unknown>
  occurredAt?: Date
}

/**
 * Appends an event to a customer's timeline, in the caller's transaction. For modules whose
 * events are not rows of their own; a module whose rows already are events registers a
 * timeline source instead (see timeline-sources.ts).
 */
export async function appendTimelineEvent(
  db: Executor,
  actor: Actor,
  event: NewTimelineEvent,
): Promise<void> {
  await db
    .insertInto('timeline_events')
    .values({
      workspace_id: actor.workspaceId,
      id: newId(),
      customer_id: event.customerId,
      occurred_at: event.occurredAt ?? new Date(),
      type: event.type,
      summary: event.summary,
      data: JSON.stringify(event.data ?? {}),
      actor_user_id: actor.userId,
    })
    .execute()
}
