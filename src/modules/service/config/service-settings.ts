import { z } from 'zod'
import type { Executor, Row } from '../../../db/database.js'
import { findOwned } from '../../../db/find-owned.js'
import { type Actor, recordAudit } from '../../platform/index.js'
import { MoneyInput } from '../../purchases/index.js'
import { CASE_CHANNELS, CaseChannel, Category } from '../cases/case.constants.js'
import { unknownReference } from '../service.errors.js'
import { PriorityMatrix } from './priority-matrix.js'

export const ServiceSettingsView = z.object({
  priorityMatrix: PriorityMatrix.describe(
    'Rows: tier names, `default` and `internal`; columns: urgency. Missing rows use the built-in matrix.',
  ),
  channelCosts: z
    .partialRecord(CaseChannel, z.string())
    .describe('Cost-to-serve of one handled case per channel, exact decimal in the workspace currency'),
  warningPercent: z.number().int().describe('Share of a target after which a breach warning is raised'),
  defaultCalendarId: z.uuid().nullable(),
  defaultTeamId: z.uuid().nullable().describe('Team for cases that no routing rule matches'),
  intake: z.object({
    enabled: z.boolean(),
    teamId: z.uuid().nullable(),
    categories: z.array(z.string()),
  }),
  callbacks: z.object({ slotMinutes: z.number().int(), slotCapacity: z.number().int() }),
})
export type ServiceSettingsView = z.infer<typeof ServiceSettingsView>

export const UpdateServiceSettingsInput = z.object({
  priorityMatrix: PriorityMatrix.optional(),
  channelCosts: z.partialRecord(CaseChannel, MoneyInput).optional(),
  warningPercent: z.number().int().min(1).max(99).optional(),
  defaultCalendarId: z.uuid().nullable().optional(),
  defaultTeamId: z.uuid().nullable().optional(),
  intake: z
    .object({
      enabled: z.boolean().optional(),
      teamId: z.uuid().nullable().optional(),
      categories: z.array(Category).max(50).optional(),
    })
    .optional(),
  callbacks: z
    .object({
      slotMinutes: z.number().int().min(5).max(240).optional(),
      slotCapacity: z.number().int().min(1).max(1000).optional(),
    })
    .optional(),
})
export type UpdateServiceSettingsInput = z.input<typeof UpdateServiceSettingsInput>

const DEFAULTS: ServiceSettingsView = {
  priorityMatrix: {},
  channelCosts: {},
  warningPercent: 80,
  defaultCalendarId: null,
  defaultTeamId: null,
  intake: { enabled: false, teamId: null, categories: [] },
  callbacks: { slotMinutes: 15, slotCapacity: 2 },
}

const toView = (r: Row<'service_settings'>): ServiceSettingsView => ({
  priorityMatrix: r.priority_matrix as PriorityMatrix,
  channelCosts: r.channel_costs,
  warningPercent: r.warning_percent,
  defaultCalendarId: r.default_calendar_id,
  defaultTeamId: r.default_team_id,
  intake: { enabled: r.intake_enabled, teamId: r.intake_team_id, categories: r.intake_categories },
  callbacks: { slotMinutes: r.callback_slot_minutes, slotCapacity: r.callback_slot_capacity },
})

/** The workspace's service settings; a workspace that never saved any gets the defaults. */
export async function getServiceSettings(db: Executor, workspaceId: string): Promise<ServiceSettingsView> {
  const row = await db
    .selectFrom('service_settings')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .executeTakeFirst()
  return row ? toView(row) : DEFAULTS
}

/** Changes only the settings sent; ids must name this workspace's calendar and teams. */
export async function updateServiceSettings(
  db: Executor,
  actor: Actor,
  input: UpdateServiceSettingsInput,
): Promise<ServiceSettingsView> {
  const u = UpdateServiceSettingsInput.parse(input)
  const ws = actor.workspaceId
  for (const [path, table, id] of [
    ['body.defaultCalendarId', 'service_calendars', u.defaultCalendarId],
    ['body.defaultTeamId', 'service_teams', u.defaultTeamId],
    ['body.intake.teamId', 'service_teams', u.intake?.teamId],
  ] as const) {
    if (id && !(await findOwned(db, table, ws, id)))
      throw unknownReference(path, table === 'service_calendars' ? 'calendar' : 'team')
  }
  const before = await getServiceSettings(db, ws)
  const after: ServiceSettingsView = {
    priorityMatrix: u.priorityMatrix ?? before.priorityMatrix,
    channelCosts: u.channelCosts
      ? (Object.fromEntries(
          CASE_CHANNELS.flatMap((c) => {
            const v = c in u.channelCosts! ? u.channelCosts![c] : before.channelCosts[c]
            return v === undefined ? [] : [[c, String(v)]]
          }),
        ) as ServiceSettingsView['channelCosts'])
      : before.channelCosts,
    warningPercent: u.warningPercent ?? before.warningPercent,
    defaultCalendarId: u.defaultCalendarId === undefined ? before.defaultCalendarId : u.defaultCalendarId,
    defaultTeamId: u.defaultTeamId === undefined ? before.defaultTeamId : u.defaultTeamId,
    intake: {
      enabled: u.intake?.enabled ?? before.intake.enabled,
      teamId: u.intake?.teamId === undefined ? before.intake.teamId : u.intake.teamId,
      categories: u.intake?.categories ?? before.intake.categories,
    },
    callbacks: {
      slotMinutes: u.callbacks?.slotMinutes ?? before.callbacks.slotMinutes,
      slotCapacity: u.callbacks?.slotCapacity ?? before.callbacks.slotCapacity,
    },
  }
  const values = {
    priority_matrix: JSON.stringify(after.priorityMatrix),
    channel_costs: JSON.stringify(after.channelCosts),
    warning_percent: after.warningPercent,
    default_calendar_id: after.defaultCalendarId,
    default_team_id: after.defaultTeamId,
    intake_enabled: after.intake.enabled,
    intake_team_id: after.intake.teamId,
    intake_categories: after.intake.categories,
    callback_slot_minutes: after.callbacks.slotMinutes,
    callback_slot_capacity: after.callbacks.slotCapacity,
    updated_at: new Date(),
  }
  await db
    .insertInto('service_settings')
    .values({ workspace_id: ws, ...values })
    .onConflict((oc) => oc.column('workspace_id').doUpdateSet(values))
    .execute()
  await recordAudit(db, actor, {
    action: 'service_settings.updated',
    entityType: 'service_settings',
    entityId: ws,
    before,
    after,
  })
  return after
}
