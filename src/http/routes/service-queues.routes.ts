import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  AlertsQuery,
  AlertView,
  AttainmentQuery,
  AttainmentView,
  allQueuesHealth,
  listAlerts,
  listMyQueue,
  listTeamQueue,
  QueueHealthView,
  QueueItem,
  QueueQuery,
  queueHealth,
  slaAttainment,
} from '../../modules/service/index.js'
import { pageOf } from '../../shared/pagination.js'

const Params = z.object({ id: z.string().max(100) })
const tags = ['queues']
const read = { permission: 'cases:read' } as const

export const serviceQueuesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/service/queues',
    {
      schema: {
        tags,
        summary: 'Live health of every team queue',
        response: { 200: z.object({ items: z.array(QueueHealthView) }) },
      },
      config: read,
    },
    async (req) => ({ items: await allQueuesHealth(app.db, req.actor.workspaceId) }),
  )
  app.get(
    '/api/service/queues/:id',
    {
      schema: {
        tags,
        summary: "A team's queue: nearest deadline first, then priority",
        params: Params,
        querystring: QueueQuery,
        response: { 200: pageOf(QueueItem) },
      },
      config: read,
    },
    async (req) => listTeamQueue(app.db, req.actor.workspaceId, req.params.id, req.query),
  )
  app.get(
    '/api/service/queues/:id/health',
    {
      schema: {
        tags,
        summary: 'Live health of a team queue (waiting, oldest, median and expected wait)',
        params: Params,
        response: { 200: QueueHealthView },
      },
      config: read,
    },
    async (req) => queueHealth(app.db, req.actor.workspaceId, req.params.id),
  )
  app.get(
    '/api/service/my-queue',
    {
      schema: {
        tags,
        summary: 'The cases assigned to you, in queue order (signed-in users)',
        querystring: QueueQuery.omit({ assignee: true }),
        response: { 200: pageOf(QueueItem) },
      },
      config: read,
    },
    async (req) => listMyQueue(app.db, req.actor, req.query),
  )
  app.get(
    '/api/service/alerts',
    {
      schema: {
        tags,
        summary: 'SLA warnings, breaches, escalations and missed callbacks, newest first',
        querystring: AlertsQuery,
        response: { 200: pageOf(AlertView) },
      },
      config: read,
    },
    async (req) => listAlerts(app.db, req.actor, req.query),
  )
  app.get(
    '/api/service/reports/attainment',
    {
      schema: {
        tags: ['reports'],
        summary: 'SLA attainment of the cases opened in a period, by tier, team, agent, priority or channel',
        querystring: AttainmentQuery,
        response: { 200: AttainmentView },
      },
      config: read,
    },
    async (req) => slaAttainment(app.db, req.actor.workspaceId, req.query),
  )
}
