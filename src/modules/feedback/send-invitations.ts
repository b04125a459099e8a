import type { Executor, Row } from '../../db/database.js'
import { appendTimelineEvent } from '../customers/index.js'
import { enqueueMessage } from '../outbox/index.js'
import { systemActor } from '../platform/index.js'
import { withTransaction } from '../service/index.js'
import { type FeedbackSettingsRow, loadFeedbackSettings } from './feedback-settings.js'
import { nextSendableInstant } from './quiet-hours.js'
import { surveyEmail } from './survey-email.js'
import type { Language } from './survey-templates.js'
import { hashSurveyToken, newSurveyToken } from './survey-tokens.js'

const DAY = 86_400_000

interface Due {
  invitation: Row<'survey_invitations'>
  survey: Row<'surveys'>
  timezone: string
}

async function dueInvitations(db: Executor, now: Date, reminders: boolean): Promise<Due[]> {
  let q = db
    .selectFrom('survey_invitations as i')
    .innerJoin('surveys as s', (j) =>
      j.onRef('s.workspace_id', '=', 'i.workspace_id').onRef('s.id', '=', 'i.survey_id'),
    )
    .innerJoin('customers as c', (j) =>
      j.onRef('c.workspace_id', '=', 'i.workspace_id').onRef('c.id', '=', 'i.customer_id'),
    )
    .innerJoin('workspaces as w', 'w.id', 'i.workspace_id')
    .selectAll('i')
    .select((eb) => [
      eb.fn.coalesce('c.timezone', 'w.timezone').as('timezone'),
      eb.fn.toJson('s').as('survey'),
    ])
    .limit(200)
  q = reminders
    ? q.where('i.status', '=', 'sent').where('i.reminded_at', 'is', null).where('i.expires_at', '>', now)
    : q.where('i.status', '=', 'scheduled').where('i.send_after', '<=', now)
  const rows = await q.orderBy('i.send_after').execute()
  return rows.map(({ timezone, survey, ...invitation }) => ({
    invitation: invitation as Row<'survey_invitations'>,
    survey: survey as unknown as Row<'surveys'>,
    timezone: String(timezone),
  }))
}

async function send(
  db: Executor,
  due: Due,
  settings: FeedbackSettingsRow,
  now: Date,
  baseUrl: string,
  reminder: boolean,
): Promise<boolean> {
  const inv = due.invitation
  const token = newSurveyToken()
  return withTransaction(db, async (trx) => {
    const changed = await trx
      .updateTable('survey_invitations')
      .set(
        reminder
          ? { reminder_token_hash: hashSurveyToken(token), reminded_at: now }
          : {
              token_hash: hashSurveyToken(token),
              status: 'sent',
              sent_at: now,
              expires_at: new Date(now.getTime() + settings.close_days * DAY),
            },
      )
      .where('workspace_id', '=', inv.workspace_id)
      .where('id', '=', inv.id)
      // Only one sweep wins: a concurrent one finds the state already moved on.
      .where(reminder ? 'reminded_at' : 'status', reminder ? 'is' : '=', reminder ? null : 'scheduled')
      .returning('id')
      .executeTakeFirst()
    if (!changed || !inv.email) return false
    const email = surveyEmail({
      kind: due.survey.kind,
      language: inv.language as Language,
      texts: due.survey.texts as Record<string, Record<string, string>>,
      link: `${baseUrl.replace(/\/$/, '')}/s/${token}`,
      to: inv.email,
      from: settings.from_address,
      reminder,
    })
    await enqueueMessage(trx, inv.workspace_id, {
      kind: 'email',
      idempotencyKey: `survey-${reminder ? 'reminder' : 'invitation'}-${inv.id}`,
      // The link in the body answers the survey: the outbox drops the body once it is sent.
      payload: { ...email, secretFields: ['text', 'html'] },
      customerId: inv.customer_id,
      notBefore: now,
    })
    await appendTimelineEvent(trx, systemActor(inv.workspace_id), {
      customerId: inv.customer_id,
      type: reminder ? 'feedback.reminder_sent' : 'feedback.survey_sent',
      summary: `${reminder ? 'Reminder for' : 'Asked'} ${due.survey.kind.toUpperCase()} survey "${due.survey.name}"`,
      data: { surveyId: due.survey.id, invitationId: inv.id, caseId: inv.case_id },
      occurredAt: now,
    })
    return true
  })
}

/**
 * Sends due invitations and reminders through the outbox, outside each customer's quiet hours,
 * and expires invitations whose survey closed. Returns how many emails were queued.
 */
export async function sendDueInvitations(
  db: Executor,
  opts: { now: Date; baseUrl: string },
): Promise<{ invitations: number; reminders: number; expired: number }> {
  const { now } = opts
  const out = { invitations: 0, reminders: 0, expired: 0 }
  const settingsOf = new Map<string, FeedbackSettingsRow>()
  const settings = async (ws: string) => {
    const known = settingsOf.get(ws)
    if (known) return known
    const loaded = await loadFeedbackSettings(db, ws)
    settingsOf.set(ws, loaded)
    return loaded
  }
  for (const reminder of [false, true]) {
    for (const due of await dueInvitations(db, now, reminder)) {
      const s = await settings(due.invitation.workspace_id)
      if (reminder && (s.reminder_days === 0 || !due.invitation.sent_at)) continue
      if (reminder && due.invitation.sent_at!.getTime() + s.reminder_days * DAY > now.getTime()) continue
      const at = nextSendableInstant(now, due.timezone, s.quiet_start, s.quiet_end)
      if (at > now) {
        if (!reminder)
          await db
            .updateTable('survey_invitations')
            .set({ send_after: at })
            .where('workspace_id', '=', due.invitation.workspace_id)
            .where('id', '=', due.invitation.id)
            .execute()
        continue
      }
      if (await send(db, due, s, now, opts.baseUrl, reminder)) out[reminder ? 'reminders' : 'invitations']++
    }
  }
  const expired = await db
    .updateTable('survey_invitations')
    .set({ status: 'expired' })
    .where('status', '=', 'sent')
    .where('expires_at', '<=', now)
    .executeTakeFirst()
  out.expired = Number(expired.numUpdatedRows)
  return out
}
