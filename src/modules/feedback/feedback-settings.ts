import { z } from 'zod'
import type { Executor, Row } from '../../db/database.js'
import { findOwned } from '../../db/find-owned.js'
import { type Actor, recordAudit } from '../platform/index.js'
import { FeedbackError } from './feedback.errors.js'
import { LANGUAGES } from './survey-templates.js'

export const FeedbackSettingsView = z.object({
  defaultLanguage: z.enum(LANGUAGES),
  fatigueDays: z
    .number()
    .int()
    .describe('No customer is asked more than once in this many days (0: no limit)'),
  quietStart: z.number().int().describe("Hour (0–23) in the customer's time zone from which nothing is sent"),
  quietEnd: z.number().int().describe('Hour at which sending resumes; equal to quietStart: no quiet hours'),
  reminderDays: z.number().int().describe('One reminder after this many days unanswered (0: none)'),
  closeDays: z.number().int().describe('A survey closes this many days after it was sent'),
  fromAddress: z.string(),
  smtpConfigured: z.boolean().describe('Whether an SMTP URL is set here (CENTRIC_SMTP_URL is the fallback)'),
  ideaKeywords: z.array(z.string()).describe('Comments containing one of these are filed as ideas'),
  followUpTeamId: z
    .uuid()
    .nullable()
    .describe('Team that gets follow-up cases when the customer has no owner'),
  followUpPriority: z
    .enum(['urgent', 'high', 'normal', 'low'])
    .describe('Priority (hence SLA) of follow-ups'),
})
export type FeedbackSettingsView = z.infer<typeof FeedbackSettingsView>

export const UpdateFeedbackSettingsInput = z
  .object({
    defaultLanguage: z.enum(LANGUAGES),
    fatigueDays: z.number().int().min(0).max(365),
    quietStart: z.number().int().min(0).max(23),
    quietEnd: z.number().int().min(0).max(23),
    reminderDays: z.number().int().min(0).max(60),
    closeDays: z.number().int().min(1).max(365),
    fromAddress: z.email().max(200),
    smtpUrl: z
      .string()
      .max(500)
      .regex(/^smtps?:\/\//, 'an smtp:// or smtps:// URL')
      .nullable()
      .describe('Write-only: SMTP server for this workspace'),
    ideaKeywords: z.array(z.string().trim().min(2).max(50)).max(50),
    followUpTeamId: z.uuid().nullable(),
    followUpPriority: z.enum(['urgent', 'high', 'normal', 'low']),
  })
  .partial()
export type UpdateFeedbackSettingsInput = z.input<typeof UpdateFeedbackSettingsInput>

export type FeedbackSettingsRow = Row<'feedback_settings'>

/** The workspace's feedback settings row (defaults when none was saved). */
export async function loadFeedbackSettings(db: Executor, workspaceId: string): Promise<FeedbackSettingsRow> {
  await db
    .insertInto('feedback_settings')
    .values({ workspace_id: workspaceId })
    .onConflict((oc) => oc.column('workspace_id').doNothing())
    .execute()
  return db
    .selectFrom('feedback_settings')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .executeTakeFirstOrThrow()
}

const toView = (r: FeedbackSettingsRow): FeedbackSettingsView => ({
  defaultLanguage: (LANGUAGES as readonly string[]).includes(r.default_language)
    ? (r.default_language as FeedbackSettingsView['defaultLanguage'])
    : 'en',
  fatigueDays: r.fatigue_days,
  quietStart: r.quiet_start,
  quietEnd: r.quiet_end,
  reminderDays: r.reminder_days,
  closeDays: r.close_days,
  fromAddress: r.from_address,
  smtpConfigured: r.smtp_url !== null,
  ideaKeywords: r.idea_keywords,
  followUpTeamId: r.follow_up_team_id,
  followUpPriority: r.follow_up_priority,
})

export async function getFeedbackSettings(db: Executor, workspaceId: string): Promise<FeedbackSettingsView> {
  return toView(await loadFeedbackSettings(db, workspaceId))
}

export async function updateFeedbackSettings(
  db: Executor,
  actor: Actor,
  input: UpdateFeedbackSettingsInput,
): Promise<FeedbackSettingsView> {
  const s = UpdateFeedbackSettingsInput.parse(input)
  const before = await getFeedbackSettings(db, actor.workspaceId)
  if (s.followUpTeamId && !(await findOwned(db, 'service_teams', actor.workspaceId, s.followUpTeamId)))
    throw new FeedbackError('UNKNOWN_REFERENCE', 'no such team', {
      fields: [{ path: 'followUpTeamId', message: 'no such team' }],
    })
  await db
    .updateTable('feedback_settings')
    .set({
      ...(s.defaultLanguage !== undefined ? { default_language: s.defaultLanguage } : {}),
      ...(s.fatigueDays !== undefined ? { fatigue_days: s.fatigueDays } : {}),
      ...(s.quietStart !== undefined ? { quiet_start: s.quietStart } : {}),
      ...(s.quietEnd !== undefined ? { quiet_end: s.quietEnd } : {}),
      ...(s.reminderDays !== undefined ? { reminder_days: s.reminderDays } : {}),
      ...(s.closeDays !== undefined ? { close_days: s.closeDays } : {}),
      ...(s.fromAddress !== undefined ? { from_address: s.fromAddress } : {}),
      ...(s.smtpUrl !== undefined ? { smtp_url: s.smtpUrl } : {}),
      ...(s.ideaKeywords !== undefined ? { idea_keywords: s.ideaKeywords } : {}),
      ...(s.followUpTeamId !== undefined ? { follow_up_team_id: s.followUpTeamId } : {}),
      ...(s.followUpPriority !== undefined ? { follow_up_priority: s.followUpPriority } : {}),
      updated_at: new Date(),
    })
    .where('workspace_id', '=', actor.workspaceId)
    .execute()
  const after = await getFeedbackSettings(db, actor.workspaceId)
  await recordAudit(db, actor, {
    action: 'feedback.settings_updated',
    entityType: 'feedback_settings',
    entityId: actor.workspaceId,
    before,
    after,
  })
  return after
}

/** The SMTP URL for a workspace: its own setting, else CENTRIC_SMTP_URL. */
export async function smtpUrlFor(db: Executor, workspaceId: string, fallback: string | undefined) {
  const row = await db
    .selectFrom('feedback_settings')
    .select('smtp_url')
    .where('workspace_id', '=', workspaceId)
    .executeTakeFirst()
  return row?.smtp_url ?? fallback
}
