import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  BookCallbackInput,
  bookCallback,
  CallbackQueueQuery,
  CallbackSlotsQuery,
  CallbackSlotsView,
  CallbackView,
  CompleteCallbackInput,
  cancelCallback,
  completeCallback,
  getCallback,
  listCallbackSlots,
  listCallbacks,
} from '../../modules/service/index.js'
import { pageOf } from '../../shared/pagination.js'

const Params = z.object({ id: z.string().max(100) })
const tags = ['callbacks']
const read = { permission: 'cases:read' } as const
const write = { permission: 'cases:write' } as const

export const serviceCallbacksRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/service/callbacks/slots',
    {
      schema: {
        tags,
        summary: 'Free callback slots inside opening hours',
        querystring: CallbackSlotsQuery,
        response: { 200: CallbackSlotsView },
      },
      config: read,
    },
    async (req) => listCallbackSlots(app.db, req.actor.workspaceId, req.query),
  )
  app.get(
    '/api/service/callbacks',
    {
      schema: {
        tags,
        summary: 'The callback queue, ordered by the promised time',
        querystring: CallbackQueueQuery,
        response: { 200: pageOf(CallbackView) },
      },
      config: read,
    },
    async (req) => listCallbacks(app.db, req.actor.workspaceId, req.query),
  )
  app.get(
    '/api/service/callbacks/:id',
    {
      schema: { tags, summary: 'Get a callback', params: Params, response: { 200: CallbackView } },
      config: read,
    },
    async (req) => getCallback(app.db, req.actor.workspaceId, req.params.id),
  )
  app.post(
    '/api/cases/:id/callbacks',
    {
      schema: {
        tags,
        summary: 'Book a callback slot for a case',
        description:
          'The window must lie inside the team’s opening hours and have room (409 when full, 422 when closed).',
        params: Params,
        body: BookCallbackInput,
        response: { 201: CallbackView },
      },
      config: write,
    },
    async (req, reply) =>
      reply.code(201).send(await bookCallback(app.db, req.actor, req.params.id, req.body)),
  )
  app.post(
    '/api/service/callbacks/:id/complete',
    {
      schema: {
        tags,
        summary: 'Record the call (answers the customer; late calls are breaches)',
        params: Params,
        body: CompleteCallbackInput,
        response: { 200: CallbackView },
      },
      config: write,
    },
    async (req) => completeCallback(app.db, req.actor, req.params.id, req.body),
  )
  app.post(
    '/api/service/callbacks/:id/cancel',
    {
      schema: {
        tags,
        summary: 'Cancel a scheduled callback',
        params: Params,
        body: z.object({ reason: z.string().trim().max(1000).optional() }),
        response: { 200: CallbackView },
      },
      config: write,
    },
    async (req) => cancelCallback(app.db, req.actor, req.params.id, req.body),
  )
}
