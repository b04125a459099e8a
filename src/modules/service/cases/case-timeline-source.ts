import { sql } from 'kysely'
import type { TimelineSource } from '../../customers/index.js'

/** The case events a customer's timeline shows: what the customer lived through, not desk work. */
export const CUSTOMER_FACING_CASE_EVENTS = [
  'case.opened',
  'case.replied',
  'case.customer_message',
  'case.resolved',
  'case.reopened',
  'case.closed',
  'case.merged_into',
  'case.sla_breached',
  'case.callback_booked',
  'case.callback_completed',
  'case.callback_missed',
] as const

/** Case events are rows of their own: the timeline reads them in place, nothing is copied. */
export const caseTimelineSource: TimelineSource = {
  name: 'cases',
  select: (workspaceId, customerId) => sql`
    SELECT e.id::text AS id, e.occurred_at, e.type, e.summary,
      e.data || jsonb_build_object('caseId', e.case_id) AS data
    FROM case_events e
    WHERE e.workspace_id = ${workspaceId} AND e.customer_id = ${customerId}
      AND e.type IN (${sql.join(CUSTOMER_FACING_CASE_EVENTS.map((t) => sql.lit(t)))})`,
}
