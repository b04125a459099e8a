import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  CallbackSlotsView,
  getIntakeForm,
  IntakeFormView,
  IntakeReceipt,
  IntakeSubmission,
  listIntakeSlots,
  submitIntake,
} from '../../modules/service/index.js'
import { PublicRateLimit } from '../public-rate-limit.js'

const Params = z.object({ workspace: z.string().max(63).describe('The workspace slug') })
const tags = ['public intake']
// `security: []` documents that these routes need no credentials (OpenAPI's way of saying public).

/** The public web intake form: no login; submissions are limited per client address and per workspace. */
export const serviceIntakeRoutes: FastifyPluginAsyncZod = async (app) => {
  const perAddress = new PublicRateLimit(10, 10 * 60_000)
  const perWorkspace = new PublicRateLimit(600, 60 * 60_000)
  app.get(
    '/api/public/intake/:workspace',
    {
      schema: {
        tags,
        summary: 'What the intake form offers',
        params: Params,
        response: { 200: IntakeFormView },
      },
      config: { public: true },
    },
    async (req) => getIntakeForm(app.db, req.params.workspace),
  )
  app.get(
    '/api/public/intake/:workspace/callback-slots',
    {
      schema: {
        tags,
        security: [],
        summary: 'Free callback slots a visitor can choose',
        params: Params,
        querystring: z.object({ days: z.coerce.number().int().min(1).max(14).default(3) }),
        response: { 200: CallbackSlotsView },
      },
      config: { public: true },
    },
    async (req) => listIntakeSlots(app.db, req.params.workspace, req.query.days),
  )
  app.post(
    '/api/public/intake/:workspace/cases',
    {
      schema: {
        tags,
        security: [],
        summary: 'Send a request (opens a case; optionally books a callback)',
        params: Params,
        body: IntakeSubmission,
        response: { 201: IntakeReceipt },
      },
      config: { public: true },
    },
    async (req, reply) => {
      perAddress.check(`${req.ip}|${req.params.workspace}`)
      perWorkspace.check(req.params.workspace)
      return reply.code(201).send(await submitIntake(app.db, req.params.workspace, req.body))
    },
  )
}
