import type { Executor } from '../../db/database.js'
import { newId } from '../../db/ids.js'
import type { InvitationRequest } from './create-invitation.js'
import { loadFeedbackSettings } from './feedback-settings.js'
import { pickLanguage } from './survey-templates.js'
import { hashSurveyToken, newSurveyToken } from './survey-tokens.js'

/**
 * Issues a sent invitation and returns its answer token, without any email: for links handed
 * out by other means (a receipt, an in-app prompt) and for the demo workspace, whose answers
 * then go through the same answer use case as everyone's.
 */
export async function issueInvitation(
  db: Executor,
  workspaceId: string,
  req: Omit<InvitationRequest, 'sendAfter'>,
  sentAt: Date,
): Promise<string> {
  const settings = await loadFeedbackSettings(db, workspaceId)
  const customer = await db
    .selectFrom('customers')
    .select(['language', 'emails'])
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', req.customerId)
    .executeTakeFirstOrThrow()
  const token = newSurveyToken()
  await db
    .insertInto('survey_invitations')
    .values({
      workspace_id: workspaceId,
      id: newId(),
      survey_id: req.surveyId,
      customer_id: req.customerId,
      case_id: req.caseId ?? null,
      purchase_id: req.purchaseId ?? null,
      channel: req.channel ?? null,
      team_id: req.teamId ?? null,
      agent_id: req.agentId ?? null,
      language: pickLanguage(customer.language, settings.default_language),
      email: customer.emails[0] ?? null,
      token_hash: hashSurveyToken(token),
      status: 'sent',
      send_after: sentAt,
      sent_at: sentAt,
      expires_at: new Date(sentAt.getTime() + settings.close_days * 86_400_000),
      created_at: sentAt,
    })
    .execute()
  return token
}
