import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  ActionTypeInput,
  ActionTypeView,
  createActionType,
  createAuthorityPolicy,
  deleteAuthorityPolicy,
  getActionType,
  getAuthorityPolicy,
  listActionTypes,
  listAuthorityPolicies,
  PolicyInput,
  PolicyView,
  updateActionType,
  updateAuthorityPolicy,
} from '../../modules/empowerment/index.js'

const Params = z.object({ id: z.string().max(100) })
const tags = ['empowerment']
const read = { permission: 'grants:read' } as const
const admin = { permission: 'empowerment:admin' } as const

/** Action types and authority policies: what may be granted, and by whom up to how much. */
export const empowermentConfigRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/empowerment/action-types',
    {
      schema: {
        tags,
        summary: 'Action types (refund, credit, gift, ...)',
        response: { 200: z.object({ items: z.array(ActionTypeView) }) },
      },
      config: read,
    },
    async (req) => ({ items: await listActionTypes(app.db, req.actor.workspaceId) }),
  )
  app.post(
    '/api/empowerment/action-types',
    {
      schema: {
        tags,
        summary: 'Add an action type',
        body: ActionTypeInput,
        response: { 201: ActionTypeView },
      },
      config: admin,
    },
    async (req, reply) => reply.code(201).send(await createActionType(app.db, req.actor, req.body)),
  )
  app.get(
    '/api/empowerment/action-types/:id',
    {
      schema: { tags, summary: 'Get an action type', params: Params, response: { 200: ActionTypeView } },
      config: read,
    },
    async (req) => getActionType(app.db, req.actor.workspaceId, req.params.id),
  )
  app.put(
    '/api/empowerment/action-types/:id',
    {
      schema: {
        tags,
        summary: 'Replace an action type',
        params: Params,
        body: ActionTypeInput,
        response: { 200: ActionTypeView },
      },
      config: admin,
    },
    async (req) => updateActionType(app.db, req.actor, req.params.id, req.body),
  )

  app.get(
    '/api/empowerment/policies',
    {
      schema: {
        tags,
        summary: 'Authority policies per role (and team)',
        response: { 200: z.object({ items: z.array(PolicyView) }) },
      },
      config: read,
    },
    async (req) => ({ items: await listAuthorityPolicies(app.db, req.actor.workspaceId) }),
  )
  app.post(
    '/api/empowerment/policies',
    {
      schema: { tags, summary: 'Add an authority policy', body: PolicyInput, response: { 201: PolicyView } },
      config: admin,
    },
    async (req, reply) => reply.code(201).send(await createAuthorityPolicy(app.db, req.actor, req.body)),
  )
  app.get(
    '/api/empowerment/policies/:id',
    {
      schema: { tags, summary: 'Get an authority policy', params: Params, response: { 200: PolicyView } },
      config: read,
    },
    async (req) => getAuthorityPolicy(app.db, req.actor.workspaceId, req.params.id),
  )
  app.put(
    '/api/empowerment/policies/:id',
    {
      schema: {
        tags,
        summary: 'Replace an authority policy',
        params: Params,
        body: PolicyInput,
        response: { 200: PolicyView },
      },
      config: admin,
    },
    async (req) => updateAuthorityPolicy(app.db, req.actor, req.params.id, req.body),
  )
  app.delete(
    '/api/empowerment/policies/:id',
    {
      schema: { tags, summary: 'Delete an authority policy', params: Params, response: { 204: z.null() } },
      config: admin,
    },
    async (req, reply) => {
      await deleteAuthorityPolicy(app.db, req.actor, req.params.id)
      return reply.code(204).send(null)
    },
  )
}
