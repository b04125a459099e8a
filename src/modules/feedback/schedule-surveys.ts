import { sql } from 'kysely'
import { z } from 'zod'
import type { Executor } from '../../db/database.js'
import { customerFilterExpression, getSegment } from '../customers/index.js'
import { withTransaction } from '../service/index.js'
import { createInvitation } from './create-invitation.js'
import { FeedbackError } from './feedback.errors.js'
import { findSurvey } from './surveys.js'

const DAY = 86_400_000
/** Purchases older than this past their delay are not surveyed any more (no flood on turning a survey on). */
const PURCHASE_WINDOW_DAYS = 7

/**
 * The time-based triggers: an NPS survey N days after a purchase, and a periodic relationship
 * NPS for a segment (each member asked again after `periodDays`). Case-resolved surveys are
 * scheduled by the service module's hook instead. Fatigue applies to all of them.
 */
export async function scheduleSurveys(
  db: Executor,
  now: Date,
): Promise<{ scheduled: number; suppressed: number }> {
  const out = { scheduled: 0, suppressed: 0 }
  const count = (r: { status: string } | null) => {
    if (r?.status === 'scheduled') out.scheduled++
    else if (r) out.suppressed++
  }
  const surveys = await db
    .selectFrom('surveys')
    .selectAll()
    .where('active', '=', true)
    .where('trigger', 'in', ['purchase', 'periodic'])
    .orderBy('workspace_id')
    .orderBy('id')
    .execute()
  for (const s of surveys) {
    if (s.trigger === 'purchase') {
      const until = new Date(now.getTime() - s.delay_days * DAY)
      const since = new Date(until.getTime() - PURCHASE_WINDOW_DAYS * DAY)
      const { rows } = await sql<{ id: string; customer_id: string; channel: string | null }>`
        SELECT p.id, p.customer_id, p.channel FROM purchases p
        WHERE p.workspace_id = ${s.workspace_id} AND p.status = 'completed'
          AND p.occurred_at > ${since} AND p.occurred_at <= ${until}
          AND NOT EXISTS (SELECT 1 FROM survey_invitations i
            WHERE i.workspace_id = p.workspace_id AND i.survey_id = ${s.id} AND i.purchase_id = p.id)
        ORDER BY p.occurred_at LIMIT 500`.execute(db)
      for (const p of rows) {
        const r = await withTransaction(db, (trx) =>
          createInvitation(
            trx,
            s.workspace_id,
            {
              surveyId: s.id,
              customerId: p.customer_id,
              purchaseId: p.id,
              channel: p.channel,
              sendAfter: now,
            },
            now,
          ),
        )
        count(r)
      }
    } else if (s.segment_id && s.period_days) {
      const segment = await getSegment(db, s.workspace_id, s.segment_id).catch(() => null)
      if (!segment) continue
      const where = await customerFilterExpression(db, s.workspace_id, segment.filter)
      const since = new Date(now.getTime() - s.period_days * DAY)
      const members = await db
        .selectFrom('customers as c')
        .select('c.id')
        .where('c.workspace_id', '=', s.workspace_id)
        .where(where)
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('survey_invitations as i')
                .select('i.id')
                .whereRef('i.workspace_id', '=', 'c.workspace_id')
                .whereRef('i.customer_id', '=', 'c.id')
                .where('i.survey_id', '=', s.id)
                .where('i.created_at', '>', since),
            ),
          ),
        )
        .orderBy('c.id')
        .limit(500)
        .execute()
      for (const m of members) {
        const r = await withTransaction(db, (trx) =>
          createInvitation(trx, s.workspace_id, { surveyId: s.id, customerId: m.id, sendAfter: now }, now),
        )
        count(r)
      }
    }
  }
  return out
}

export const SendSurveyInput = z.object({
  customerIds: z.array(z.uuid()).min(1).max(500),
  caseId: z.uuid().optional(),
})
export type SendSurveyInput = z.input<typeof SendSurveyInput>

export const SendSurveyResult = z.object({
  scheduled: z.number().int(),
  suppressed: z.array(z.object({ customerId: z.uuid(), reason: z.string() })),
})

/** Asks chosen customers now (a manual survey, or any survey by hand); fatigue still applies. */
export async function sendSurvey(
  db: Executor,
  workspaceId: string,
  surveyId: string,
  input: SendSurveyInput,
  now = new Date(),
) {
  const s = SendSurveyInput.parse(input)
  const survey = await findSurvey(db, workspaceId, surveyId)
  const result: z.infer<typeof SendSurveyResult> = { scheduled: 0, suppressed: [] }
  await withTransaction(db, async (trx) => {
    for (const customerId of s.customerIds) {
      const r = await createInvitation(
        trx,
        workspaceId,
        { surveyId: survey.id, customerId, caseId: s.caseId, sendAfter: now },
        now,
      )
      if (!r)
        throw new FeedbackError('UNKNOWN_REFERENCE', `customer ${customerId} not found`, {
          fields: [{ path: 'customerIds', message: `no customer ${customerId}` }],
        })
      if (r.status === 'scheduled') result.scheduled++
      else {
        const row = await trx
          .selectFrom('survey_invitations')
          .select('status_reason')
          .where('workspace_id', '=', workspaceId)
          .where('id', '=', r.id)
          .executeTakeFirstOrThrow()
        result.suppressed.push({ customerId, reason: row.status_reason ?? r.status })
      }
    }
  })
  return result
}
