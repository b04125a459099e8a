import type { Executor, Row } from '../../db/database.js'
import { FOLLOW_UP_TAG } from './close-loop.js'
import { createInvitation } from './create-invitation.js'

/**
 * When a case is resolved: schedule each active case-resolved survey (CSAT, CES) for its
 * customer, and close the loop of a survey answer whose follow-up case this was.
 */
export async function onCaseResolved(trx: Executor, resolved: Row<'cases'>, now: Date): Promise<void> {
  await trx
    .updateTable('survey_responses')
    .set({ loop_status: 'resolved', loop_updated_at: now })
    .where('workspace_id', '=', resolved.workspace_id)
    .where('follow_up_case_id', '=', resolved.id)
    .where('loop_status', '<>', 'resolved')
    .execute()
  // A follow-up is our own call back, not a moment to survey the customer again.
  if (!resolved.customer_id || resolved.merged_into_id || resolved.tags.includes(FOLLOW_UP_TAG)) return
  const surveys = await trx
    .selectFrom('surveys')
    .select(['id', 'delay_days'])
    .where('workspace_id', '=', resolved.workspace_id)
    .where('trigger', '=', 'case_resolved')
    .where('active', '=', true)
    .orderBy('id')
    .execute()
  for (const s of surveys) {
    await createInvitation(
      trx,
      resolved.workspace_id,
      {
        surveyId: s.id,
        customerId: resolved.customer_id,
        caseId: resolved.id,
        channel: resolved.channel,
        teamId: resolved.team_id,
        agentId: resolved.assignee_id,
        sendAfter: new Date(now.getTime() + s.delay_days * 86_400_000),
      },
      now,
    )
  }
}
