import { sql } from 'kysely'
import type { Executor } from '../../db/database.js'
import { answerSurvey, createSurvey, issueInvitation, updateFeedbackSettings } from '../feedback/index.js'
import { systemActor } from '../platform/index.js'
import { withTransaction } from '../service/index.js'
import { demoRandom } from './demo-random.js'

const DAY = 86_400_000
const PRAISE = [
  'Fast and friendly, thank you!',
  'The technician called ahead and fixed it in ten minutes.',
  'Great beans, always fresh.',
  'Support knew exactly what to do.',
]
const NEUTRAL = ['Okay, but it took two emails.', 'Fine overall.', 'Delivery was a day late.']
const COMPLAINTS = [
  'Nobody called back as promised.',
  'I had to explain the problem three times.',
  'The refund took weeks.',
  'The machine broke again after the repair.',
]
const IDEAS = [
  'I wish you had a live chat on weekends.',
  'Would love a subscription pause button.',
  'Idea: send a descaling reminder every three months.',
  'I wish you had a live chat on weekends.',
  'Feature request: order history export as CSV.',
]

/** A score on the scale with a given share of happy, middling and unhappy answers. */
function score(rnd: ReturnType<typeof demoRandom>, kind: 'nps' | 'csat' | 'ces'): number {
  const r = rnd.next()
  if (kind === 'nps') return r < 0.5 ? rnd.int(9, 10) : r < 0.78 ? rnd.int(7, 8) : rnd.int(0, 6)
  if (kind === 'csat') return r < 0.7 ? rnd.int(4, 5) : r < 0.85 ? 3 : rnd.int(1, 2)
  return r < 0.65 ? rnd.int(1, 3) : r < 0.85 ? 4 : rnd.int(5, 7)
}

function comment(
  rnd: ReturnType<typeof demoRandom>,
  kind: 'nps' | 'csat' | 'ces',
  s: number,
): string | undefined {
  if (rnd.chance(0.12)) return rnd.pick(IDEAS)
  if (!rnd.chance(0.55)) return undefined
  const happy = kind === 'ces' ? s <= 3 : kind === 'nps' ? s >= 9 : s >= 4
  const unhappy = kind === 'ces' ? s >= 5 : kind === 'nps' ? s <= 6 : s <= 2
  return rnd.pick(happy ? PRAISE : unhappy ? COMPLAINTS : NEUTRAL)
}

/**
 * Feedback demo data: four surveys (CSAT and CES after cases, NPS after purchases, relationship
 * NPS for a segment) and answers from the last five months, recorded through the answer use case
 * so that follow-up cases, ideas and timeline events are real. Skipped when surveys exist.
 */
export async function seedDemoFeedback(db: Executor, workspaceId: string, now = new Date()): Promise<void> {
  await withTransaction(db, async (trx) => {
    const existing = await trx
      .selectFrom('surveys')
      .select('id')
      .where('workspace_id', '=', workspaceId)
      .limit(1)
      .executeTakeFirst()
    if (existing) return
    const actor = systemActor(workspaceId)
    const team = await trx
      .selectFrom('service_teams')
      .select('id')
      .where('workspace_id', '=', workspaceId)
      .orderBy('name')
      .executeTakeFirst()
    if (team) await updateFeedbackSettings(trx, actor, { followUpTeamId: team.id })
    const segment = await trx
      .selectFrom('segments')
      .select('id')
      .where('workspace_id', '=', workspaceId)
      .orderBy('name')
      .executeTakeFirst()
    const csat = await createSurvey(trx, actor, {
      name: 'Satisfaction after a case',
      kind: 'csat',
      trigger: 'case_resolved',
    })
    const ces = await createSurvey(trx, actor, {
      name: 'Effort after a case',
      kind: 'ces',
      trigger: 'case_resolved',
      active: false,
    })
    const nps = await createSurvey(trx, actor, {
      name: 'NPS two weeks after a purchase',
      kind: 'nps',
      trigger: 'purchase',
      delayDays: 14,
      questions: [
        {
          id: 'improve',
          label: {
            en: 'What should we improve first?',
            de: 'Was sollten wir zuerst verbessern?',
            fr: 'Que devrions-nous améliorer en premier ?',
          },
        },
      ],
    })
    if (segment)
      await createSurvey(trx, actor, {
        name: 'Relationship NPS',
        kind: 'nps',
        trigger: 'periodic',
        segmentId: segment.id,
        periodDays: 180,
        active: false,
      })
    const rnd = demoRandom(808)
    const cases = await trx
      .selectFrom('cases')
      .select(['id', 'customer_id', 'channel', 'team_id', 'assignee_id', 'resolved_at'])
      .where('workspace_id', '=', workspaceId)
      .where('customer_id', 'is not', null)
      .where('resolved_at', 'is not', null)
      .orderBy('number')
      .execute()
    for (const c of cases) {
      if (!rnd.chance(0.75) || !c.customer_id || !c.resolved_at) continue
      const survey = rnd.chance(0.7) ? csat : ces
      const sentAt = new Date(c.resolved_at.getTime() + 2 * 3_600_000)
      const answeredAt = new Date(
        Math.min(now.getTime() - 60_000, sentAt.getTime() + rnd.int(1, 36) * 3_600_000),
      )
      const token = await issueInvitation(
        trx,
        workspaceId,
        {
          surveyId: survey.id,
          customerId: c.customer_id,
          caseId: c.id,
          channel: c.channel,
          teamId: c.team_id,
          agentId: c.assignee_id,
        },
        sentAt,
      )
      const s = score(rnd, survey.kind)
      await answerSurvey(trx, token, { score: s, comment: comment(rnd, survey.kind, s) }, answeredAt)
    }
    const customers = await trx
      .selectFrom('customers')
      .select('id')
      .where('workspace_id', '=', workspaceId)
      .where(sql<boolean>`cardinality(emails) > 0`)
      .orderBy('id')
      .limit(400)
      .execute()
    for (const c of customers) {
      if (!rnd.chance(0.3)) continue
      const sentAt = new Date(now.getTime() - rnd.int(2, 150) * DAY)
      const token = await issueInvitation(
        trx,
        workspaceId,
        { surveyId: nps.id, customerId: c.id, channel: 'email' },
        sentAt,
      )
      // About a third never answer: the response rate is not 100 %.
      if (rnd.chance(0.35)) continue
      const s = score(rnd, 'nps')
      const answeredAt = new Date(sentAt.getTime() + rnd.int(1, 48) * 3_600_000)
      await answerSurvey(trx, token, { score: s, comment: comment(rnd, 'nps', s) }, answeredAt)
    }
  })
}
