import { sql } from 'kysely'
import type { Executor, InvitationStatus } from '../../db/database.js'
import { newId } from '../../db/ids.js'
import { loadFeedbackSettings } from './feedback-settings.js'
import { pickLanguage } from './survey-templates.js'

export interface InvitationRequest {
  surveyId: string
  customerId: string
  caseId?: string | null
  purchaseId?: string | null
  channel?: string | null
  teamId?: string | null
  agentId?: string | null
  sendAfter: Date
}

/**
 * Schedules one survey for one customer, or records why not (`suppressed`): no email address, or
 * the fatigue rule (nobody is asked more than once per `fatigueDays` across all surveys). The
 * customer row is locked first, so two triggers firing at once cannot both slip past the rule.
 * The same case or purchase never gets the same survey twice (unique index).
 */
export async function createInvitation(
  db: Executor,
  workspaceId: string,
  req: InvitationRequest,
  now: Date,
): Promise<{ id: string; status: InvitationStatus } | null> {
  const { rows } = await sql<{ emails: string[]; language: string | null }>`
    SELECT emails, language FROM customers WHERE workspace_id = ${workspaceId} AND id = ${req.customerId}
    FOR UPDATE`.execute(db)
  const customer = rows[0]
  if (!customer) return null
  const settings = await loadFeedbackSettings(db, workspaceId)
  const email = customer.emails[0] ?? null
  let status: InvitationStatus = 'scheduled'
  let reason: string | null = null
  if (!email) {
    status = 'suppressed'
    reason = 'no email address'
  } else if (settings.fatigue_days > 0) {
    const since = new Date(now.getTime() - settings.fatigue_days * 86_400_000)
    const recent = await db
      .selectFrom('survey_invitations')
      .select('id')
      .where('workspace_id', '=', workspaceId)
      .where('customer_id', '=', req.customerId)
      .where('status', 'in', ['scheduled', 'sent', 'answered', 'expired'])
      .where((eb) => eb.fn.coalesce('sent_at', 'send_after'), '>', since)
      .limit(1)
      .executeTakeFirst()
    if (recent) {
      status = 'suppressed'
      reason = `asked within the last ${settings.fatigue_days} days`
    }
  }
  const id = newId()
  const inserted = await db
    .insertInto('survey_invitations')
    .values({
      workspace_id: workspaceId,
      id,
      survey_id: req.surveyId,
      customer_id: req.customerId,
      case_id: req.caseId ?? null,
      purchase_id: req.purchaseId ?? null,
      channel: req.channel ?? null,
      team_id: req.teamId ?? null,
      agent_id: req.agentId ?? null,
      language: pickLanguage(customer.language, settings.default_language),
      email,
      status,
      status_reason: reason,
      send_after: req.sendAfter,
      created_at: now,
    })
    .onConflict((oc) => oc.doNothing())
    .returning(['id', 'status'])
    .executeTakeFirst()
  return inserted ?? null
}
