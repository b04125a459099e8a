import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  createSurvey,
  FeedbackSettingsView,
  getFeedbackSettings,
  getSurvey,
  listSurveys,
  SendSurveyInput,
  SendSurveyResult,
  SurveyInput,
  SurveyView,
  sendSurvey,
  UpdateFeedbackSettingsInput,
  UpdateSurveyInput,
  updateFeedbackSettings,
  updateSurvey,
} from '../../modules/feedback/index.js'

const Params = z.object({ id: z.string().max(100) })
const tags = ['feedback']
const read = { permission: 'feedback:read' } as const
const configure = { permission: 'feedback:configure' } as const

/** Feedback settings and surveys (templates, triggers, manual sends). */
export const feedbackRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/feedback/settings',
    { schema: { tags, summary: 'Feedback settings', response: { 200: FeedbackSettingsView } }, config: read },
    async (req) => getFeedbackSettings(app.db, req.actor.workspaceId),
  )
  app.patch(
    '/api/feedback/settings',
    {
      schema: {
        tags,
        summary: 'Change feedback settings (fatigue, quiet hours, reminder, SMTP, idea keywords, follow-up)',
        body: UpdateFeedbackSettingsInput,
        response: { 200: FeedbackSettingsView },
      },
      config: configure,
    },
    async (req) => updateFeedbackSettings(app.db, req.actor, req.body),
  )
  app.get(
    '/api/feedback/surveys',
    {
      schema: { tags, summary: 'List surveys', response: { 200: z.object({ items: z.array(SurveyView) }) } },
      config: read,
    },
    async (req) => ({ items: await listSurveys(app.db, req.actor.workspaceId) }),
  )
  app.post(
    '/api/feedback/surveys',
    {
      schema: {
        tags,
        summary: 'Create a survey (NPS 0–10, CSAT 1–5, CES 1–7)',
        body: SurveyInput,
        response: { 201: SurveyView },
      },
      config: configure,
    },
    async (req, reply) => reply.code(201).send(await createSurvey(app.db, req.actor, req.body)),
  )
  app.get(
    '/api/feedback/surveys/:id',
    {
      schema: { tags, summary: 'Get a survey', params: Params, response: { 200: SurveyView } },
      config: read,
    },
    async (req) => getSurvey(app.db, req.actor.workspaceId, req.params.id),
  )
  app.patch(
    '/api/feedback/surveys/:id',
    {
      schema: {
        tags,
        summary: 'Change a survey',
        params: Params,
        body: UpdateSurveyInput,
        response: { 200: SurveyView },
      },
      config: configure,
    },
    async (req) => updateSurvey(app.db, req.actor, req.params.id, req.body),
  )
  app.post(
    '/api/feedback/surveys/:id/send',
    {
      schema: {
        tags,
        summary: 'Ask chosen customers now (fatigue rules apply)',
        params: Params,
        body: SendSurveyInput,
        response: { 200: SendSurveyResult },
      },
      config: { permission: 'feedback:write' },
    },
    async (req) => sendSurvey(app.db, req.actor.workspaceId, req.params.id, req.body),
  )
}
