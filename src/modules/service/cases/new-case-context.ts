import { sql } from 'kysely'
import type { Executor } from '../../../db/database.js'
import type { SlaContext } from '../case-sla/sla-context.js'
import { ALWAYS_OPEN } from '../config/calendars.js'
import type { PriorityMatrix } from '../config/priority-matrix.js'
import { targetsFor } from '../config/sla-policies.js'
import type { RoutingConfig } from '../routing/route-case.js'
import type { BusinessCalendar } from '../sla/business-calendar.js'
import type { CasePriority } from './case.constants.js'

/** Everything a new case is decided from, read in the statement that takes its number. */
export interface NewCaseContext {
  number: number
  customer: { id: string; name: string; tier: string | null; owner_id: string | null } | null
  /** The given assignee, when active in this workspace. */
  assignee: { id: string; name: string } | null
  settings: {
    priorityMatrix: PriorityMatrix
    warningPercent: number
    defaultTeamId: string | null
  }
  /** The requester's SLA policy (internal, the tier's, else the default) and its calendar. */
  policyId: string | null
  calendarId: string | null
  slaFor: (priority: CasePriority) => SlaContext
  teamNames: Map<string, string>
  routing: RoutingConfig
}

interface ContextRow {
  number: number
  customer: NewCaseContext['customer']
  assignee: NewCaseContext['assignee']
  settings: {
    priority_matrix: PriorityMatrix
    warning_percent: number
    default_team_id: string | null
  } | null
  policy: { id: string; targets: unknown } | null
  calendar_id: string | null
  calendar: BusinessCalendar | null
  teams: { id: string; name: string }[] | null
  rules: RoutingConfig['rules'] | null
  members:
    | (Omit<RoutingConfig['members'][number], 'last_assigned_at'> & { last_assigned_ms: number | null })[]
    | null
}

/**
 * One round trip for a new case: takes the next case number (its own statement, so a rollback
 * leaves a gap and never a wait: see the case_numbers migration) and reads the requester, the
 * service settings, the SLA policy and calendar, the active routing rules and the members their
 * teams can hand cases to. Case creation is the hot write path of the service centre; reading
 * this in separate queries cost ten round trips per case.
 */
export async function loadNewCaseContext(
  db: Executor,
  workspaceId: string,
  c: { customerId?: string | undefined; assigneeId?: string | undefined },
): Promise<NewCaseContext> {
  const ws = workspaceId
  const internal = c.customerId === undefined
  const { rows } = await sql<ContextRow>`
    WITH n AS (
      INSERT INTO case_numbers (workspace_id, last_number) VALUES (${ws}, 1)
      ON CONFLICT (workspace_id) DO UPDATE SET last_number = case_numbers.last_number + 1
      RETURNING last_number
    ), cu AS (
      SELECT id, name, tier, owner_id FROM customers WHERE workspace_id = ${ws} AND id = ${c.customerId ?? null}::uuid
    ), st AS (
      SELECT priority_matrix, warning_percent, default_calendar_id, default_team_id
      FROM service_settings WHERE workspace_id = ${ws}
    ), po AS (
      SELECT id, calendar_id, targets FROM sla_policies
      WHERE workspace_id = ${ws}
        AND (${internal ? sql`applies_to = 'internal'` : sql`applies_to = 'tier' AND tier = (SELECT tier FROM cu)`}
          OR applies_to = 'default')
      ORDER BY applies_to = 'default'
      LIMIT 1
    ), cal AS (
      SELECT coalesce((SELECT calendar_id FROM po), (SELECT default_calendar_id FROM st)) AS id
    ), ru AS (
      SELECT id, team_id, strategy, match_channels, match_categories, match_tiers, match_requester,
        use_skills, key_account_first
      FROM routing_rules WHERE workspace_id = ${ws} AND active ORDER BY position, id
    )
    SELECT n.last_number AS number,
      (SELECT row_to_json(cu) FROM cu) AS customer,
      (SELECT json_build_object('id', id, 'name', name) FROM users
        WHERE workspace_id = ${ws} AND id = ${c.assigneeId ?? null}::uuid AND active) AS assignee,
      (SELECT row_to_json(st) FROM st) AS settings,
      (SELECT json_build_object('id', id, 'targets', targets) FROM po) AS policy,
      (SELECT id FROM cal) AS calendar_id,
      (SELECT json_build_object('timezone', timezone, 'hours', hours, 'holidays', holidays)
        FROM service_calendars WHERE workspace_id = ${ws} AND id = (SELECT id FROM cal)) AS calendar,
      (SELECT json_agg(json_build_object('id', id, 'name', name)) FROM service_teams WHERE workspace_id = ${ws}) AS teams,
      (SELECT json_agg(ru) FROM ru) AS rules,
      (SELECT json_agg(json_build_object('team_id', m.team_id, 'user_id', m.user_id, 'name', u.name,
          'skills', m.skills, 'max_open', m.max_open,
          'last_assigned_ms', (extract(epoch FROM m.last_assigned_at) * 1000)::float8))
        FROM service_team_members m
        JOIN users u ON u.workspace_id = m.workspace_id AND u.id = m.user_id
        WHERE m.workspace_id = ${ws} AND m.available AND u.active
          AND m.team_id IN (SELECT team_id FROM ru WHERE strategy <> 'manual')) AS members
    FROM n`.execute(db)
  const r = rows[0]!
  const warningPercent = r.settings?.warning_percent ?? 80
  const calendar = r.calendar ?? ALWAYS_OPEN
  return {
    number: r.number,
    customer: r.customer,
    assignee: r.assignee,
    settings: {
      priorityMatrix: r.settings?.priority_matrix ?? {},
      warningPercent,
      defaultTeamId: r.settings?.default_team_id ?? null,
    },
    policyId: r.policy?.id ?? null,
    calendarId: r.calendar_id,
    slaFor: (priority) => ({
      calendar,
      targets: r.policy ? targetsFor(r.policy.targets, priority) : null,
      warningPercent,
    }),
    teamNames: new Map((r.teams ?? []).map((t) => [t.id, t.name])),
    routing: {
      rules: r.rules ?? [],
      members: (r.members ?? []).map(({ last_assigned_ms, ...m }) => ({
        ...m,
        last_assigned_at: last_assigned_ms === null ? null : new Date(last_assigned_ms),
      })),
    },
  }
}
