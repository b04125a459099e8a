import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import {
  CostEntryView,
  CreateCostEntryInput,
  createCostEntry,
  getServiceFit,
  ListCostEntriesQuery,
  listCostEntries,
  readValueSettings,
  ServiceFitItem,
  ServiceFitQuery,
  ServiceFitSettings,
  saveValueSettings,
} from '../../modules/value/index.js'
import { pageOf } from '../../shared/pagination.js'

/** Cost-to-serve ledger and the service-fit report. */
export const valueServiceRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/value/costs',
    {
      schema: {
        tags: ['value'],
        summary: 'Post a cost-to-serve entry',
        description: 'With a reference, posting the same cost again answers the stored entry with 200.',
        body: CreateCostEntryInput,
        response: { 200: CostEntryView, 201: CostEntryView },
      },
      config: { permission: 'value:configure' },
    },
    async (req, reply) => {
      const { entry, created } = await createCostEntry(app.db, req.actor, req.body)
      return reply.code(created ? 201 : 200).send(entry)
    },
  )
  app.get(
    '/api/value/costs',
    {
      schema: {
        tags: ['value'],
        summary: 'List cost-to-serve entries, newest first',
        querystring: ListCostEntriesQuery,
        response: { 200: pageOf(CostEntryView) },
      },
      config: { permission: 'value:read' },
    },
    async (req) => listCostEntries(app.db, req.actor.workspaceId, req.query),
  )
  app.get(
    '/api/value/service-fit',
    {
      schema: {
        tags: ['value'],
        summary: 'Over-served and under-served customers',
        querystring: ServiceFitQuery,
        response: { 200: pageOf(ServiceFitItem) },
      },
      config: { permission: 'value:read' },
    },
    async (req) => getServiceFit(app.db, req.actor.workspaceId, req.query),
  )
  app.get(
    '/api/value/service-fit/settings',
    {
      schema: { tags: ['value'], summary: 'Service-fit thresholds', response: { 200: ServiceFitSettings } },
      config: { permission: 'value:read' },
    },
    async (req) => (await readValueSettings(app.db, req.actor.workspaceId)).serviceFit,
  )
  app.put(
    '/api/value/service-fit/settings',
    {
      schema: {
        tags: ['value'],
        summary: 'Replace the service-fit thresholds',
        body: ServiceFitSettings,
        response: { 200: ServiceFitSettings },
      },
      config: { permission: 'value:configure' },
    },
    async (req) => (await saveValueSettings(app.db, req.actor, { serviceFit: req.body })).serviceFit,
  )
}
