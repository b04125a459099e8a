import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  AnalyticsQuery,
  AnalyticsView,
  feedbackAnalytics,
  getIdea,
  IdeasQuery,
  IdeaView,
  LatestScoresView,
  latestScores,
  listIdeas,
  listResponses,
  ResponsesQuery,
  ResponseView,
  TagIdeaInput,
  tagResponseAsIdea,
  UpdateIdeaInput,
  UpdateLoopInput,
  updateIdea,
  updateLoopStatus,
} from '../../modules/feedback/index.js'
import { listOutbox, OutboxMessageView, OutboxQuery } from '../../modules/outbox/index.js'
import { pageOf } from '../../shared/pagination.js'

const Params = z.object({ id: z.string().max(100) })
const tags = ['feedback']
const read = { permission: 'feedback:read' } as const
const write = { permission: 'feedback:write' } as const

/** Answers (comment browser, loop follow-ups), ideas, analytics, latest scores, the outbox. */
export const feedbackResponsesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/feedback/responses',
    {
      schema: {
        tags,
        summary: 'Survey answers, newest first',
        querystring: ResponsesQuery,
        response: { 200: pageOf(ResponseView) },
      },
      config: read,
    },
    async (req) => listResponses(app.db, req.actor.workspaceId, req.query),
  )
  app.post(
    '/api/feedback/responses/:id/loop',
    {
      schema: {
        tags,
        summary: 'Set the closed-loop state of an answer (open, contacted, resolved)',
        params: Params,
        body: UpdateLoopInput,
        response: { 200: z.object({ id: z.uuid(), loopStatus: z.enum(['open', 'contacted', 'resolved']) }) },
      },
      config: write,
    },
    async (req) => updateLoopStatus(app.db, req.actor, req.params.id, req.body),
  )
  app.post(
    '/api/feedback/responses/:id/idea',
    {
      schema: {
        tags,
        summary: "File an answer's comment as an idea",
        params: Params,
        body: TagIdeaInput,
        response: { 200: IdeaView },
      },
      config: write,
    },
    async (req) => tagResponseAsIdea(app.db, req.actor, req.params.id, req.body),
  )
  app.get(
    '/api/feedback/ideas',
    {
      schema: {
        tags,
        summary: 'Ideas inbox, most asked first',
        querystring: IdeasQuery,
        response: { 200: z.object({ items: z.array(IdeaView) }) },
      },
      config: read,
    },
    async (req) => ({ items: await listIdeas(app.db, req.actor.workspaceId, req.query) }),
  )
  app.get(
    '/api/feedback/ideas/:id',
    {
      schema: {
        tags,
        summary: 'An idea with the customers who asked',
        params: Params,
        response: { 200: IdeaView },
      },
      config: read,
    },
    async (req) => getIdea(app.db, req.actor.workspaceId, req.params.id),
  )
  app.patch(
    '/api/feedback/ideas/:id',
    {
      schema: {
        tags,
        summary: 'Change the status of an idea',
        params: Params,
        body: UpdateIdeaInput,
        response: { 200: IdeaView },
      },
      config: write,
    },
    async (req) => updateIdea(app.db, req.actor, req.params.id, req.body),
  )
  app.get(
    '/api/feedback/analytics',
    {
      schema: {
        tags,
        summary: 'NPS, CSAT or CES over time with 95 % intervals, by segment, tier, team, agent or channel',
        querystring: AnalyticsQuery,
        response: { 200: AnalyticsView },
      },
      config: read,
    },
    async (req) => feedbackAnalytics(app.db, req.actor.workspaceId, req.query),
  )
  app.get(
    '/api/customers/:id/feedback',
    {
      schema: {
        tags,
        summary: "A customer's latest NPS, CSAT and CES",
        params: Params,
        response: { 200: LatestScoresView },
      },
      config: read,
    },
    async (req) => latestScores(app.db, req.actor.workspaceId, { customerId: req.params.id }),
  )
  app.get(
    '/api/cases/:id/feedback',
    {
      schema: {
        tags,
        summary: 'The survey scores given about a case',
        params: Params,
        response: { 200: LatestScoresView },
      },
      config: read,
    },
    async (req) => latestScores(app.db, req.actor.workspaceId, { caseId: req.params.id }),
  )
  app.get(
    '/api/outbox',
    {
      schema: {
        tags: ['outbox'],
        summary: 'Outbox messages (emails, notifications) with delivery status',
        querystring: OutboxQuery,
        response: { 200: z.object({ items: z.array(OutboxMessageView) }) },
      },
      config: read,
    },
    async (req) => ({ items: await listOutbox(app.db, req.actor.workspaceId, req.query) }),
  )
}
