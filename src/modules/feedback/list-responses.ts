import { z } from 'zod'
import type { Executor } from '../../db/database.js'
import { findOwned } from '../../db/find-owned.js'
import { decodeCursor, encodeCursor, type Page } from '../../shared/pagination.js'
import { FeedbackError } from './feedback.errors.js'

export const ResponsesQuery = z.object({
  kind: z.enum(['nps', 'csat', 'ces']).optional(),
  surveyId: z.uuid().optional(),
  customerId: z.uuid().optional(),
  caseId: z.uuid().optional(),
  withComment: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => (v === undefined ? undefined : v === 'true'))
    .describe('Only answers with (true) or without (false) a comment'),
  loop: z.enum(['open', 'contacted', 'resolved', 'any']).optional().describe('Only answers with a follow-up'),
  maxScore: z.coerce.number().int().min(0).max(10).optional(),
  q: z.string().trim().min(1).max(100).optional().describe('Words in the comment'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
})
export type ResponsesQuery = z.output<typeof ResponsesQuery>

export const ResponseView = z.object({
  id: z.uuid(),
  surveyId: z.uuid(),
  surveyName: z.string(),
  kind: z.enum(['nps', 'csat', 'ces']),
  score: z.number().int(),
  comment: z.string().nullable(),
  answers: z.record(z.string(), z.string()),
  customerId: z.uuid(),
  customerName: z.string(),
  caseId: z.uuid().nullable(),
  channel: z.string().nullable(),
  teamId: z.uuid().nullable(),
  agentId: z.uuid().nullable(),
  tier: z.string().nullable(),
  language: z.string(),
  answeredAt: z.date(),
  updatedAt: z.date(),
  followUpCaseId: z.uuid().nullable(),
  loopStatus: z.enum(['open', 'contacted', 'resolved']).nullable(),
  ideaId: z.uuid().nullable(),
})
export type ResponseView = z.infer<typeof ResponseView>

/** Survey answers, newest first (keyset pages): the comment browser and the loop follow-up list. */
export async function listResponses(
  db: Executor,
  workspaceId: string,
  query: ResponsesQuery,
): Promise<Page<ResponseView>> {
  const q = ResponsesQuery.parse(query)
  let s = db
    .selectFrom('survey_responses as r')
    .innerJoin('surveys as s', (j) =>
      j.onRef('s.workspace_id', '=', 'r.workspace_id').onRef('s.id', '=', 'r.survey_id'),
    )
    .innerJoin('customers as c', (j) =>
      j.onRef('c.workspace_id', '=', 'r.workspace_id').onRef('c.id', '=', 'r.customer_id'),
    )
    .selectAll('r')
    .select(['s.name as survey_name', 'c.name as customer_name'])
    .where('r.workspace_id', '=', workspaceId)
  if (q.kind) s = s.where('r.kind', '=', q.kind)
  if (q.surveyId) s = s.where('r.survey_id', '=', q.surveyId)
  if (q.customerId) s = s.where('r.customer_id', '=', q.customerId)
  if (q.caseId) s = s.where('r.case_id', '=', q.caseId)
  if (q.withComment !== undefined) s = s.where('r.comment', q.withComment ? 'is not' : 'is', null)
  if (q.loop === 'any') s = s.where('r.loop_status', 'is not', null)
  else if (q.loop) s = s.where('r.loop_status', '=', q.loop)
  if (q.maxScore !== undefined) s = s.where('r.score', '<=', q.maxScore)
  if (q.q) s = s.where('r.comment', 'ilike', `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)
  if (q.cursor) {
    const [id] = decodeCursor(q.cursor, 1)
    if (typeof id !== 'string' || !/^[0-9a-f-]{36}$/.test(id)) decodeCursor('', 1)
    s = s.where('r.id', '<', String(id))
  }
  const rows = await s
    .orderBy('r.id', 'desc')
    .limit(q.limit + 1)
    .execute()
  const items = rows.slice(0, q.limit).map(
    (r): ResponseView => ({
      id: r.id,
      surveyId: r.survey_id,
      surveyName: r.survey_name,
      kind: r.kind,
      score: r.score,
      comment: r.comment,
      answers: r.answers as Record<string, string>,
      customerId: r.customer_id,
      customerName: r.customer_name,
      caseId: r.case_id,
      channel: r.channel,
      teamId: r.team_id,
      agentId: r.agent_id,
      tier: r.tier,
      language: r.language,
      answeredAt: r.answered_at,
      updatedAt: r.updated_at,
      followUpCaseId: r.follow_up_case_id,
      loopStatus: r.loop_status,
      ideaId: r.idea_id,
    }),
  )
  const last = items.at(-1)
  return { items, nextCursor: rows.length > q.limit && last ? encodeCursor([last.id]) : null }
}

export const LatestScoresView = z.object({
  nps: z.object({ score: z.number().int(), answeredAt: z.date(), responseId: z.uuid() }).nullable(),
  csat: z.object({ score: z.number().int(), answeredAt: z.date(), responseId: z.uuid() }).nullable(),
  ces: z.object({ score: z.number().int(), answeredAt: z.date(), responseId: z.uuid() }).nullable(),
  responses: z.number().int().describe('All answers'),
})
export type LatestScoresView = z.infer<typeof LatestScoresView>

/** The latest NPS, CSAT and CES of a customer (or of one case). */
export async function latestScores(
  db: Executor,
  workspaceId: string,
  by: { customerId: string } | { caseId: string },
): Promise<LatestScoresView> {
  const owner =
    'customerId' in by
      ? await findOwned(db, 'customers', workspaceId, by.customerId)
      : await findOwned(db, 'cases', workspaceId, by.caseId)
  if (!owner)
    throw 'customerId' in by
      ? new FeedbackError('CUSTOMER_NOT_FOUND', `customer ${by.customerId} not found`)
      : new FeedbackError('CASE_NOT_FOUND', `case ${by.caseId} not found`)
  let q = db
    .selectFrom('survey_responses')
    .select(['id', 'kind', 'score', 'answered_at'])
    .where('workspace_id', '=', workspaceId)
  q = 'customerId' in by ? q.where('customer_id', '=', by.customerId) : q.where('case_id', '=', by.caseId)
  const rows = await q.orderBy('answered_at', 'desc').orderBy('id', 'desc').limit(500).execute()
  const pick = (kind: string) => {
    const r = rows.find((x) => x.kind === kind)
    return r ? { score: r.score, answeredAt: r.answered_at, responseId: r.id } : null
  }
  return { nps: pick('nps'), csat: pick('csat'), ces: pick('ces'), responses: rows.length }
}
