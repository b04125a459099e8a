import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod'
import { PROBLEM_STATUSES, Problem } from '../problem.js'

/**
 * OpenAPI 3.1 generated from the routes' zod schemas, at /api/openapi.json, with a docs page at
 * /api/docs. Every API route also documents the problem responses it can give.
 */
export const openapi = fp(async (app: FastifyInstance) => {
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api') || route.url.startsWith('/api/docs')) return
    route.schema ??= {}
    const response = (route.schema.response ?? {}) as Record<string, unknown>
    for (const status of PROBLEM_STATUSES) response[status] ??= Problem.describe('Problem details (RFC 9457)')
    route.schema.response = response
    if (!route.config?.public) route.schema.security ??= [{ bearerAuth: [] }, { sessionCookie: [] }]
  })
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Centric API',
        version: '0.1.0',
        description:
          'Customer-centric operations platform. Authenticate with `Authorization: Bearer <API token>` or the ' +
          'session cookie (cookie writes need `X-CSRF-Token`). Every POST accepts `Idempotency-Key`. Errors are ' +
          '`application/problem+json`. Lists use cursor pagination (`limit`, `cursor` → `nextCursor`).',
      },
      components: {
        securitySchemes: {
          bearerAuth: { type: 'http', scheme: 'bearer', description: 'API token (ctk_…)' },
          sessionCookie: { type: 'apiKey', in: 'cookie', name: 'centric_session' },
        },
      },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  })
  await app.register(swaggerUi, { routePrefix: '/api/docs' })
  app.get('/api/openapi.json', { schema: { hide: true }, config: { public: true } }, async () =>
    app.swagger(),
  )
})
