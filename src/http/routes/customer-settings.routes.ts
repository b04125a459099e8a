import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  AttributeDefinitionView,
  CreateAttributeInput,
  createAttributeDefinition,
  createSegment,
  deleteAttributeDefinition,
  deleteSegment,
  getSegment,
  listAttributeDefinitions,
  listSegments,
  SaveSegmentInput,
  SegmentView,
  UpdateAttributeInput,
  UpdateSegmentInput,
  updateAttributeDefinition,
  updateSegment,
} from '../../modules/customers/index.js'

const Params = z.object({ id: z.string().max(100) })

/** Custom attribute definitions and saved segments. */
export const customerSettingsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/attributes',
    {
      schema: {
        tags: ['attributes'],
        summary: 'List custom attribute definitions',
        response: { 200: z.object({ items: z.array(AttributeDefinitionView) }) },
      },
      config: { permission: 'customers:read' },
    },
    async (req) => ({ items: await listAttributeDefinitions(app.db, req.actor.workspaceId) }),
  )
  app.post(
    '/api/attributes',
    {
      schema: {
        tags: ['attributes'],
        summary: 'Define a custom attribute',
        body: CreateAttributeInput,
        response: { 201: AttributeDefinitionView },
      },
      config: { permission: 'customers:configure' },
    },
    async (req, reply) => reply.code(201).send(await createAttributeDefinition(app.db, req.actor, req.body)),
  )
  app.patch(
    '/api/attributes/:id',
    {
      schema: {
        tags: ['attributes'],
        summary: "Change an attribute's label, options or required flag",
        params: Params,
        body: UpdateAttributeInput,
        response: { 200: AttributeDefinitionView },
      },
      config: { permission: 'customers:configure' },
    },
    async (req) => updateAttributeDefinition(app.db, req.actor, req.params.id, req.body),
  )
  app.delete(
    '/api/attributes/:id',
    {
      schema: {
        tags: ['attributes'],
        summary: 'Delete an attribute and its values on every customer',
        params: Params,
        response: { 204: z.null() },
      },
      config: { permission: 'customers:configure' },
    },
    async (req, reply) => {
      await deleteAttributeDefinition(app.db, req.actor, req.params.id)
      return reply.code(204).send(null)
    },
  )

  app.get(
    '/api/segments',
    {
      schema: {
        tags: ['segments'],
        summary: 'Saved segments with live counts',
        querystring: z.object({ counts: z.enum(['true', 'false']).default('true') }),
        response: { 200: z.object({ items: z.array(SegmentView) }) },
      },
      config: { permission: 'customers:read' },
    },
    async (req) => ({
      items: await listSegments(app.db, req.actor.workspaceId, { counts: req.query.counts === 'true' }),
    }),
  )
  app.post(
    '/api/segments',
    {
      schema: {
        tags: ['segments'],
        summary: 'Save a segment',
        body: SaveSegmentInput,
        response: { 201: SegmentView },
      },
      config: { permission: 'customers:write' },
    },
    async (req, reply) => reply.code(201).send(await createSegment(app.db, req.actor, req.body)),
  )
  app.get(
    '/api/segments/:id',
    {
      schema: {
        tags: ['segments'],
        summary: 'Get a segment with its live count',
        params: Params,
        response: { 200: SegmentView },
      },
      config: { permission: 'customers:read' },
    },
    async (req) => getSegment(app.db, req.actor.workspaceId, req.params.id),
  )
  app.patch(
    '/api/segments/:id',
    {
      schema: {
        tags: ['segments'],
        summary: 'Rename a segment or change its filter',
        params: Params,
        body: UpdateSegmentInput,
        response: { 200: SegmentView },
      },
      config: { permission: 'customers:write' },
    },
    async (req) => updateSegment(app.db, req.actor, req.params.id, req.body),
  )
  app.delete(
    '/api/segments/:id',
    {
      schema: {
        tags: ['segments'],
        summary: 'Delete a segment',
        params: Params,
        response: { 204: z.null() },
      },
      config: { permission: 'customers:write' },
    },
    async (req, reply) => {
      await deleteSegment(app.db, req.actor, req.params.id)
      return reply.code(204).send(null)
    },
  )
}
