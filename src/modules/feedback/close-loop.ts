import { z } from 'zod'
import type { Executor, LoopStatus, Row } from '../../db/database.js'
import { findOwned } from '../../db/find-owned.js'
import { type Actor, recordAudit, systemActor } from '../platform/index.js'
import { createCase } from '../service/index.js'
import { FeedbackError } from './feedback.errors.js'
import type { FeedbackSettingsRow } from './feedback-settings.js'
import { SCALES } from './survey-templates.js'

export const FOLLOW_UP_TAG = 'feedback-follow-up'

const WHY = { nps: 'detractor', csat: 'low satisfaction', ces: 'high effort' } as const

/**
 * Opens the follow-up case of an unhappy answer, in the answer's transaction: for the account
 * owner when the customer has an active one, else the follow-up team (or the default routing),
 * at the follow-up priority, so the case runs on that priority's SLA targets.
 */
export async function openFollowUp(
  trx: Executor,
  response: Row<'survey_responses'>,
  settings: FeedbackSettingsRow,
  now: Date,
): Promise<string> {
  const ws = response.workspace_id
  const owner = await trx
    .selectFrom('customers as c')
    .innerJoin('users as u', (j) =>
      j.onRef('u.workspace_id', '=', 'c.workspace_id').onRef('u.id', '=', 'c.owner_id'),
    )
    .select('u.id')
    .where('c.workspace_id', '=', ws)
    .where('c.id', '=', response.customer_id)
    .where('u.active', '=', true)
    .executeTakeFirst()
  const { max } = SCALES[response.kind]
  const created = await createCase(
    trx,
    systemActor(ws),
    {
      channel: 'email',
      customerId: response.customer_id,
      subject: `Follow up: ${response.kind.toUpperCase()} ${response.score}/${max} (${WHY[response.kind]})`,
      description: response.comment ? `The customer wrote:\n\n${response.comment}` : 'No comment given.',
      category: 'feedback follow-up',
      tags: [FOLLOW_UP_TAG, `${response.kind}-${response.score}`],
      priority: settings.follow_up_priority,
      priorityReason: `Closed loop: ${WHY[response.kind]}`,
      ...(owner
        ? { assigneeId: owner.id }
        : settings.follow_up_team_id
          ? { teamId: settings.follow_up_team_id }
          : {}),
    },
    { now },
  )
  await trx
    .updateTable('survey_responses')
    .set({ follow_up_case_id: created.id, loop_status: 'open', loop_updated_at: now })
    .where('workspace_id', '=', ws)
    .where('id', '=', response.id)
    .execute()
  return created.id
}

export const UpdateLoopInput = z.object({ status: z.enum(['open', 'contacted', 'resolved']) })
export type UpdateLoopInput = z.input<typeof UpdateLoopInput>

/** Moves the closed-loop state of an answer (open → contacted → resolved, or back). */
export async function updateLoopStatus(
  db: Executor,
  actor: Actor,
  responseId: string,
  input: UpdateLoopInput,
): Promise<{ id: string; loopStatus: LoopStatus }> {
  const s = UpdateLoopInput.parse(input)
  const row = await findOwned(db, 'survey_responses', actor.workspaceId, responseId)
  if (!row?.loop_status)
    throw new FeedbackError('RESPONSE_NOT_FOUND', `no follow-up for answer ${responseId}`)
  await db
    .updateTable('survey_responses')
    .set({ loop_status: s.status, loop_updated_at: new Date() })
    .where('workspace_id', '=', actor.workspaceId)
    .where('id', '=', row.id)
    .execute()
  await recordAudit(db, actor, {
    action: 'feedback.loop_updated',
    entityType: 'survey_response',
    entityId: row.id,
    before: { loopStatus: row.loop_status },
    after: { loopStatus: s.status },
  })
  return { id: row.id, loopStatus: s.status }
}
