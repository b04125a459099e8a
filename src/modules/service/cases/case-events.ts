import type { Insertable } from 'kysely'
import type { CaseEventsTable, Executor, Row } from '../../../db/database.js'
import { newId } from '../../../db/ids.js'
import type { Actor } from '../../platform/index.js'

/**
 * Appends to a case's history, in the caller's transaction. The customer timeline reads these
 * rows in place (see case-timeline-source.ts), so a case event needs no second copy there.
 */
export async function recordCaseEvent(
  db: Executor,
  actor: Actor,
  c: CaseRef,
  event: CaseEvent,
): Promise<void> {
  await db
    .insertInto('case_events')
    .values(caseEventRow(actor, c, event))
    .execute()
}

type CaseRef = Pick<Row<'cases'>, 'id' | 'customer_id'>
type CaseEvent = { type: string; summary: string; data?: Record<string, unknown>; at?: Date }

/** The history row of an event, for a write that inserts it in its own statement. */
export function caseEventRow(actor: Actor, c: CaseRef, event: CaseEvent): Insertable<CaseEventsTable> {
  return {
    workspace_id: actor.workspaceId,
    id: newId(),
    case_id: c.id,
    customer_id: c.customer_id,
    type: event.type,
    summary: event.summary,
    data: JSON.stringify(event.data ?? {}),
    actor_user_id: actor.userId,
    actor_token_id: actor.tokenId,
    occurred_at: event.at ?? new Date(),
  }
}
