import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  ApiTokenView,
  CreateApiTokenInput,
  CreatedApiTokenView,
  createApiToken,
  listApiTokens,
  revokeApiToken,
} from '../../modules/platform/index.js'
import { PageQuery, pageOf } from '../../shared/pagination.js'

export const tokensRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/tokens',
    {
      schema: {
        tags: ['tokens'],
        summary: 'List API tokens (never their secrets)',
        querystring: PageQuery,
        response: { 200: pageOf(ApiTokenView) },
      },
      config: { permission: 'tokens:read' },
    },
    async (req) => listApiTokens(app.db, req.actor.workspaceId, req.query),
  )
  app.post(
    '/api/tokens',
    {
      schema: {
        tags: ['tokens'],
        summary: 'Create an API token; the secret is in this response only',
        body: CreateApiTokenInput,
        response: { 201: CreatedApiTokenView },
      },
      config: { permission: 'tokens:write' },
    },
    async (req, reply) => reply.code(201).send(await createApiToken(app.db, req.actor, req.body)),
  )
  app.post(
    '/api/tokens/:id/revoke',
    {
      schema: {
        tags: ['tokens'],
        summary: 'Revoke an API token',
        params: z.object({ id: z.string().max(100) }),
        response: { 200: ApiTokenView },
      },
      config: { permission: 'tokens:write' },
    },
    async (req) => revokeApiToken(app.db, req.actor, req.params.id),
  )
}
