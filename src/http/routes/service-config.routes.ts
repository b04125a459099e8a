import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  CalendarInput,
  CalendarView,
  createCalendar,
  createPolicy,
  deleteCalendar,
  deletePolicy,
  getCalendar,
  getPolicy,
  getServiceSettings,
  listCalendars,
  listPolicies,
  PolicyInput,
  PolicyView,
  ServiceSettingsView,
  UpdateServiceSettingsInput,
  updateCalendar,
  updatePolicy,
  updateServiceSettings,
} from '../../modules/service/index.js'

const Params = z.object({ id: z.string().max(100) })
const tags = ['service settings']
const read = { permission: 'cases:read' } as const
const configure = { permission: 'service:configure' } as const

export const serviceConfigRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/service/settings',
    {
      schema: {
        tags,
        summary: 'Service settings (priority matrix, channel costs, intake, callbacks)',
        response: { 200: ServiceSettingsView },
      },
      config: read,
    },
    async (req) => getServiceSettings(app.db, req.actor.workspaceId),
  )
  app.patch(
    '/api/service/settings',
    {
      schema: {
        tags,
        summary: 'Change service settings (only the fields sent)',
        body: UpdateServiceSettingsInput,
        response: { 200: ServiceSettingsView },
      },
      config: configure,
    },
    async (req) => updateServiceSettings(app.db, req.actor, req.body),
  )

  app.get(
    '/api/service/calendars',
    {
      schema: {
        tags,
        summary: 'Business-hours calendars',
        response: { 200: z.object({ items: z.array(CalendarView) }) },
      },
      config: read,
    },
    async (req) => ({ items: await listCalendars(app.db, req.actor.workspaceId) }),
  )
  app.post(
    '/api/service/calendars',
    {
      schema: {
        tags,
        summary: 'Add a business-hours calendar',
        body: CalendarInput,
        response: { 201: CalendarView },
      },
      config: configure,
    },
    async (req, reply) => reply.code(201).send(await createCalendar(app.db, req.actor, req.body)),
  )
  app.get(
    '/api/service/calendars/:id',
    {
      schema: { tags, summary: 'Get a calendar', params: Params, response: { 200: CalendarView } },
      config: read,
    },
    async (req) => getCalendar(app.db, req.actor.workspaceId, req.params.id),
  )
  app.put(
    '/api/service/calendars/:id',
    {
      schema: {
        tags,
        summary: 'Replace a calendar',
        params: Params,
        body: CalendarInput,
        response: { 200: CalendarView },
      },
      config: configure,
    },
    async (req) => updateCalendar(app.db, req.actor, req.params.id, req.body),
  )
  app.delete(
    '/api/service/calendars/:id',
    {
      schema: {
        tags,
        summary: 'Delete a calendar nothing uses',
        params: Params,
        response: { 204: z.null() },
      },
      config: configure,
    },
    async (req, reply) => {
      await deleteCalendar(app.db, req.actor, req.params.id)
      return reply.code(204).send(null)
    },
  )

  app.get(
    '/api/service/policies',
    {
      schema: {
        tags,
        summary: 'SLA policies (per value tier, default, internal)',
        response: { 200: z.object({ items: z.array(PolicyView) }) },
      },
      config: read,
    },
    async (req) => ({ items: await listPolicies(app.db, req.actor.workspaceId) }),
  )
  app.post(
    '/api/service/policies',
    {
      schema: { tags, summary: 'Add an SLA policy', body: PolicyInput, response: { 201: PolicyView } },
      config: configure,
    },
    async (req, reply) => reply.code(201).send(await createPolicy(app.db, req.actor, req.body)),
  )
  app.get(
    '/api/service/policies/:id',
    {
      schema: { tags, summary: 'Get an SLA policy', params: Params, response: { 200: PolicyView } },
      config: read,
    },
    async (req) => getPolicy(app.db, req.actor.workspaceId, req.params.id),
  )
  app.put(
    '/api/service/policies/:id',
    {
      schema: {
        tags,
        summary: 'Replace an SLA policy',
        params: Params,
        body: PolicyInput,
        response: { 200: PolicyView },
      },
      config: configure,
    },
    async (req) => updatePolicy(app.db, req.actor, req.params.id, req.body),
  )
  app.delete(
    '/api/service/policies/:id',
    {
      schema: { tags, summary: 'Delete an SLA policy', params: Params, response: { 204: z.null() } },
      config: configure,
    },
    async (req, reply) => {
      await deletePolicy(app.db, req.actor, req.params.id)
      return reply.code(204).send(null)
    },
  )
}
