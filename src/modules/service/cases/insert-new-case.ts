import { type Insertable, sql } from 'kysely'
import type { AuditLogTable, CaseEventsTable, Executor } from '../../../db/database.js'
import type { RoutingDecision } from '../routing/route-case.js'
import type { CaseViewRow } from './case-view.js'

/** The columns a new case starts with; the rest are decided by `createCase`. */
export const NEW_CASE = {
  status: 'new',
  merged_into_id: null,
  first_responded_at: null,
  first_response_met: null,
  next_response_started_at: null,
  next_responses: 0,
  next_response_breaches: 0,
  resolution_met: null,
  sla_pauses: [],
  sla_paused_since: null,
  sla_warned: [],
  sla_breached: [],
  escalation_level: 0,
  resolved_at: null,
  closed_at: null,
  reopened_count: 0,
} as const satisfies Partial<CaseViewRow>
export type NewCaseRow = Omit<CaseViewRow, 'priority_rank' | 'customer_name' | 'team_name' | 'assignee_name'>

/**
 * One statement: the case, its first history event, its audit row and the assignee's turn
 * (`last_assigned_at`), atomic without a transaction of its own. For round robin the statement
 * itself takes the longest-waiting candidate that no concurrent creation holds (SKIP LOCKED),
 * so the event and the audit row read the assignee from the inserted case rather than from `row`.
 */
export async function insertNewCase(
  db: Executor,
  c: {
    row: NewCaseRow
    event: Insertable<CaseEventsTable>
    audit: Insertable<AuditLogTable>
    route: RoutingDecision
  },
) {
  const { row, event, audit, route } = c
  const ws = row.workspace_id
  const rr = route.roundRobin
  const assigneeOfCase = sql<Record<string, unknown>>`(
    SELECT jsonb_build_object('assigneeId', i.assignee_id, 'assigneeName', u.name) FROM ins i
    LEFT JOIN users u ON u.workspace_id = i.workspace_id AND u.id = i.assignee_id)`
  return db
    .with('turn', (qc) =>
      route.assignee && route.teamId
        ? qc
            .updateTable('service_team_members')
            .set({ last_assigned_at: sql`clock_timestamp()` })
            .where('workspace_id', '=', ws)
            .where('team_id', '=', route.teamId)
            .where('user_id', '=', (eb) =>
              rr
                ? eb
                    .selectFrom('service_team_members')
                    .select('user_id')
                    .where('workspace_id', '=', ws)
                    .where('team_id', '=', rr.teamId)
                    .where('user_id', 'in', rr.candidates)
                    .orderBy(sql`last_assigned_at NULLS FIRST`)
                    .orderBy('user_id')
                    .limit(1)
                    .forUpdate()
                    .skipLocked()
                : eb.val(route.assignee!.userId),
            )
            .returning('user_id')
        : // Nobody's turn: an empty set of the same shape.
          qc.selectFrom('users').select('id as user_id').where(sql<boolean>`false`),
    )
    .with('ins', (qc) =>
      qc
        .insertInto('cases')
        .values({
          ...row,
          sla_pauses: '[]',
          assignee_id: rr
            ? sql<string>`coalesce((SELECT user_id FROM turn), ${row.assignee_id}::uuid)`
            : row.assignee_id,
        })
        .returningAll(),
    )
    .with('ev', (qc) =>
      qc.insertInto('case_events').values({
        ...event,
        data: sql`${event.data}::jsonb || (SELECT jsonb_build_object('assigneeId', assignee_id) FROM ins)`,
      }),
    )
    .with('au', (qc) =>
      qc.insertInto('audit_log').values({ ...audit, after: sql`${audit.after}::jsonb || ${assigneeOfCase}` }),
    )
    .selectFrom('ins')
    .leftJoin('users as u', (j) =>
      j.onRef('u.workspace_id', '=', 'ins.workspace_id').onRef('u.id', '=', 'ins.assignee_id'),
    )
    .selectAll('ins')
    .select('u.name as assignee_name')
    .executeTakeFirstOrThrow()
}
