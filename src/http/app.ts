import { randomUUID } from 'node:crypto'
import cookie from '@fastify/cookie'
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyServerOptions } from 'fastify'
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod'
import type { Kysely } from 'kysely'
import type { DB } from '../db/database.js'
import type { DatabaseKind, RawDriver } from '../db/open-database.js'
import { auth } from './plugins/auth.js'
import { idempotency } from './plugins/idempotency.js'
import { openapi } from './plugins/openapi.js'
import { problemErrors, sendProblem } from './plugins/problem-errors.js'
import { web } from './plugins/web.js'
import { problem } from './problem.js'
import { auditRoutes } from './routes/audit.routes.js'
import { authRoutes } from './routes/auth.routes.js'
import { batchRoutes } from './routes/batch.routes.js'
import { casesRoutes } from './routes/cases.routes.js'
import { customerMergeRoutes } from './routes/customer-merge.routes.js'
import { customerSettingsRoutes } from './routes/customer-settings.routes.js'
import { customersRoutes } from './routes/customers.routes.js'
import { empowermentRoutes } from './routes/empowerment.routes.js'
import { empowermentConfigRoutes } from './routes/empowerment-config.routes.js'
import { feedbackRoutes } from './routes/feedback.routes.js'
import { feedbackResponsesRoutes } from './routes/feedback-responses.routes.js'
import { healthRoutes } from './routes/health.routes.js'
import { importsRoutes } from './routes/imports.routes.js'
import { purchasesRoutes } from './routes/purchases.routes.js'
import { rolesRoutes } from './routes/roles.routes.js'
import { serviceRoutes } from './routes/service.routes.js'
import { serviceCallbacksRoutes } from './routes/service-callbacks.routes.js'
import { serviceConfigRoutes } from './routes/service-config.routes.js'
import { serviceIntakeRoutes } from './routes/service-intake.routes.js'
import { servicePlaybooksRoutes } from './routes/service-playbooks.routes.js'
import { serviceQueuesRoutes } from './routes/service-queues.routes.js'
import { serviceTeamsRoutes } from './routes/service-teams.routes.js'
import { surveyAnswerRoutes } from './routes/survey-answer.routes.js'
import { tokensRoutes } from './routes/tokens.routes.js'
import { usersRoutes } from './routes/users.routes.js'
import { valueRoutes } from './routes/value.routes.js'
import { valueServiceRoutes } from './routes/value-service.routes.js'

export interface AppDeps {
  db: Kysely<DB>
  dbKind: DatabaseKind
  /** The driver under `db`, for bulk loads (COPY). */
  raw: RawDriver
  logger?: FastifyServerOptions['logger']
  /** Folder of the built web app; omit to serve the API only. */
  webDir?: string
  /** Force the Secure flag on cookies (set when served behind https). */
  secureCookies?: boolean
  trustProxy?: boolean
}

const REQUEST_ID = /^[\w.:-]{1,100}$/

/** Builds the whole HTTP application; it never listens, so tests use `app.inject()`. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: deps.logger ?? false,
    trustProxy: deps.trustProxy ?? false,
    bodyLimit: 1024 * 1024,
    // Keep a caller's request id (e.g. from a proxy) so logs line up across systems.
    genReqId: (req) => {
      const given = req.headers['x-request-id']
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID()
    },
    ajv: { customOptions: { coerceTypes: false } },
    // Router-level refusals (malformed percent-encoding, over-long path parameters) would otherwise
    // leave as Fastify's plain JSON; they are bad input like any other.
    frameworkErrors: (error, request, reply) => {
      const status = error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 414 : 400
      const code = String(error.code).replace(/^FST_ERR_/, '')
      return sendProblem(
        reply as unknown as FastifyReply,
        request,
        problem(status, code, error.message.slice(0, 200)),
      )
    },
  }).withTypeProvider<ZodTypeProvider>()
  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)
  // Fastify's JSON parser would decode invalid UTF-8 into U+FFFD and carry on; a body that is
  // not UTF-8 is malformed, so decode strictly and hand the text to the default (safe) parser.
  const strictUtf8 = new TextDecoder('utf-8', { fatal: true })
  const parseJson = app.getDefaultJsonParser('error', 'error')
  app.removeContentTypeParser('application/json')
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    const charset = /charset=([^;]+)/i
      .exec(request.headers['content-type'] ?? '')?.[1]
      ?.trim()
      .toLowerCase()
    if (charset && charset !== 'utf-8' && charset !== 'utf8') {
      const err = Object.assign(new Error(`unsupported charset ${charset.slice(0, 40)}: send UTF-8`), {
        statusCode: 415,
        code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE',
      })
      return done(err, undefined)
    }
    let text: string
    try {
      text = strictUtf8.decode(body as Buffer)
    } catch {
      const err = Object.assign(new Error('the request body is not valid UTF-8'), {
        statusCode: 400,
        code: 'FST_ERR_CTP_INVALID_UTF8',
      })
      return done(err, undefined)
    }
    parseJson(request, text, done)
  })
  app.decorate('db', deps.db)
  app.decorate('dbKind', deps.dbKind)
  app.decorate('raw', { getter: () => deps.raw })
  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('x-request-id', request.id)
    return payload
  })

  await app.register(problemErrors)
  await app.register(cookie)
  await app.register(auth)
  await app.register(idempotency)
  await app.register(openapi)
  await app.register(healthRoutes)
  await app.register(authRoutes, { secureCookies: deps.secureCookies ?? false })
  await app.register(usersRoutes)
  await app.register(tokensRoutes)
  await app.register(rolesRoutes)
  await app.register(auditRoutes)
  await app.register(serviceRoutes)
  await app.register(customersRoutes)
  await app.register(customerMergeRoutes)
  await app.register(customerSettingsRoutes)
  await app.register(purchasesRoutes)
  await app.register(valueRoutes)
  await app.register(valueServiceRoutes)
  await app.register(casesRoutes)
  await app.register(serviceConfigRoutes)
  await app.register(serviceTeamsRoutes)
  await app.register(serviceQueuesRoutes)
  await app.register(serviceCallbacksRoutes)
  await app.register(importsRoutes)
  await app.register(batchRoutes)
  await app.register(servicePlaybooksRoutes)
  await app.register(serviceIntakeRoutes)
  await app.register(empowermentConfigRoutes)
  await app.register(empowermentRoutes)
  await app.register(feedbackRoutes)
  await app.register(feedbackResponsesRoutes)
  await app.register(surveyAnswerRoutes)
  await app.register(web, { webDir: deps.webDir })
  await app.ready()
  return app
}
