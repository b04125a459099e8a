import { sql } from 'kysely'
import type { Executor, Row } from '../../../db/database.js'
import type { CasePriority } from '../cases/case.constants.js'
import { ALWAYS_OPEN } from '../config/calendars.js'
import { targetsFor } from '../config/sla-policies.js'
import type { BusinessCalendar } from '../sla/business-calendar.js'
import type { CaseSlaInput, SlaTargets } from './evaluate-case-sla.js'

/** What a case's clocks run on: its calendar, the targets of its priority, the warning share. */
export interface SlaContext {
  calendar: BusinessCalendar
  targets: SlaTargets | null
  warningPercent: number
}

/** One round trip: the policy's targets, the calendar and the warning share of the workspace. */
export async function loadSlaContext(
  db: Executor,
  workspaceId: string,
  c: { sla_policy_id: string | null; calendar_id: string | null; priority: CasePriority },
): Promise<SlaContext> {
  const row = await db
    .selectNoFrom((eb) => [
      eb
        .selectFrom('sla_policies')
        .select('targets')
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', c.sla_policy_id)
        .as('targets'),
      eb
        .selectFrom('service_calendars')
        .select(
          sql<BusinessCalendar>`json_build_object('timezone', timezone, 'hours', hours, 'holidays', holidays)`.as(
            'cal',
          ),
        )
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', c.calendar_id)
        .as('calendar'),
      eb
        .selectFrom('service_settings')
        .select('warning_percent')
        .where('workspace_id', '=', workspaceId)
        .as('warning_percent'),
    ])
    .executeTakeFirstOrThrow()
  return {
    calendar: (row.calendar as BusinessCalendar | null) ?? ALWAYS_OPEN,
    targets: row.targets ? targetsFor(row.targets, c.priority) : null,
    warningPercent: row.warning_percent ?? 80,
  }
}

type CaseSlaColumns = Pick<
  Row<'cases'>,
  | 'opened_at'
  | 'sla_pauses'
  | 'sla_paused_since'
  | 'first_responded_at'
  | 'next_response_started_at'
  | 'next_responses'
  | 'resolved_at'
  | 'status'
  | 'merged_into_id'
  | 'sla_warned'
  | 'sla_breached'
>

export const storedPauses = (c: Pick<Row<'cases'>, 'sla_pauses'>) =>
  c.sla_pauses.map((p) => ({ from: new Date(p.from), to: new Date(p.to) }))

export function slaInputOf(c: CaseSlaColumns, ctx: SlaContext): CaseSlaInput {
  return {
    calendar: ctx.calendar,
    targets: ctx.targets,
    warningPercent: ctx.warningPercent,
    openedAt: c.opened_at,
    pauses: storedPauses(c),
    pausedSince: c.sla_paused_since,
    firstRespondedAt: c.first_responded_at,
    nextResponseStartedAt: c.next_response_started_at,
    nextResponses: c.next_responses,
    resolvedAt: c.resolved_at,
    stopped: c.status === 'resolved' || c.status === 'closed' || c.merged_into_id !== null,
    warned: c.sla_warned,
    breached: c.sla_breached,
  }
}
