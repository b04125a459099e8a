import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  createRoutingRule,
  createTeam,
  deleteRoutingRule,
  deleteTeam,
  getRoutingRule,
  getTeam,
  listRoutingRules,
  listTeams,
  RoutingRuleInput,
  RoutingRuleView,
  TeamInput,
  TeamView,
  updateRoutingRule,
  updateTeam,
} from '../../modules/service/index.js'

const Params = z.object({ id: z.string().max(100) })
const tags = ['teams and routing']
const read = { permission: 'cases:read' } as const
const configure = { permission: 'service:configure' } as const

export const serviceTeamsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/service/teams',
    {
      schema: {
        tags,
        summary: 'Teams with their members',
        response: { 200: z.object({ items: z.array(TeamView) }) },
      },
      config: read,
    },
    async (req) => ({ items: await listTeams(app.db, req.actor.workspaceId) }),
  )
  app.post(
    '/api/service/teams',
    {
      schema: { tags, summary: 'Add a team', body: TeamInput, response: { 201: TeamView } },
      config: configure,
    },
    async (req, reply) => reply.code(201).send(await createTeam(app.db, req.actor, req.body)),
  )
  app.get(
    '/api/service/teams/:id',
    { schema: { tags, summary: 'Get a team', params: Params, response: { 200: TeamView } }, config: read },
    async (req) => getTeam(app.db, req.actor.workspaceId, req.params.id),
  )
  app.patch(
    '/api/service/teams/:id',
    {
      schema: {
        tags,
        summary: 'Change a team; members, when sent, replace the membership',
        params: Params,
        body: TeamInput.partial(),
        response: { 200: TeamView },
      },
      config: configure,
    },
    async (req) => updateTeam(app.db, req.actor, req.params.id, req.body),
  )
  app.delete(
    '/api/service/teams/:id',
    {
      schema: {
        tags,
        summary: 'Delete a team no case points at',
        params: Params,
        response: { 204: z.null() },
      },
      config: configure,
    },
    async (req, reply) => {
      await deleteTeam(app.db, req.actor, req.params.id)
      return reply.code(204).send(null)
    },
  )

  app.get(
    '/api/service/routing-rules',
    {
      schema: {
        tags,
        summary: 'Routing rules, in the order they are tried',
        response: { 200: z.object({ items: z.array(RoutingRuleView) }) },
      },
      config: read,
    },
    async (req) => ({ items: await listRoutingRules(app.db, req.actor.workspaceId) }),
  )
  app.post(
    '/api/service/routing-rules',
    {
      schema: {
        tags,
        summary: 'Add a routing rule',
        body: RoutingRuleInput,
        response: { 201: RoutingRuleView },
      },
      config: configure,
    },
    async (req, reply) => reply.code(201).send(await createRoutingRule(app.db, req.actor, req.body)),
  )
  app.get(
    '/api/service/routing-rules/:id',
    {
      schema: { tags, summary: 'Get a routing rule', params: Params, response: { 200: RoutingRuleView } },
      config: read,
    },
    async (req) => getRoutingRule(app.db, req.actor.workspaceId, req.params.id),
  )
  app.put(
    '/api/service/routing-rules/:id',
    {
      schema: {
        tags,
        summary: 'Replace a routing rule',
        params: Params,
        body: RoutingRuleInput,
        response: { 200: RoutingRuleView },
      },
      config: configure,
    },
    async (req) => updateRoutingRule(app.db, req.actor, req.params.id, req.body),
  )
  app.delete(
    '/api/service/routing-rules/:id',
    {
      schema: { tags, summary: 'Delete a routing rule', params: Params, response: { 204: z.null() } },
      config: configure,
    },
    async (req, reply) => {
      await deleteRoutingRule(app.db, req.actor, req.params.id)
      return reply.code(204).send(null)
    },
  )
}
