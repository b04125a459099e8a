import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  appendTimelineEvent,
  CreateCustomerInput,
  CustomerFilter,
  CustomerView,
  countCustomers,
  createCustomer,
  filterFromQuery,
  getCustomer,
  ListCustomersQuery,
  listTimeline,
  SearchCustomersInput,
  searchCustomers,
  TimelineItem,
  TimelineQuery,
  UpdateCustomerInput,
  updateCustomer,
} from '../../modules/customers/index.js'
import { PageQuery, pageOf } from '../../shared/pagination.js'

const Params = z.object({ id: z.string().max(100) })
const tags = ['customers']

export const customersRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/customers',
    {
      schema: {
        tags,
        summary: 'List and search customers',
        description:
          'The common filters as query parameters; POST /api/customers/search takes the full filter.',
        querystring: ListCustomersQuery,
        response: { 200: pageOf(CustomerView) },
      },
      config: { permission: 'customers:read' },
    },
    async (req) => {
      const filter = await filterFromQuery(app.db, req.actor.workspaceId, req.query)
      const { sort, limit, cursor } = req.query
      return searchCustomers(app.db, req.actor.workspaceId, {
        filter: filter as CustomerFilter,
        sort,
        limit,
        cursor,
      })
    },
  )
  app.post(
    '/api/customers/search',
    {
      schema: {
        tags,
        summary: 'Search customers with the full filter (custom attributes, spend, dates, ...)',
        body: SearchCustomersInput,
        response: { 200: pageOf(CustomerView) },
      },
      config: { permission: 'customers:read' },
    },
    async (req) => searchCustomers(app.db, req.actor.workspaceId, req.body),
  )
  app.post(
    '/api/customers/count',
    {
      schema: {
        tags,
        summary: 'Count the customers matching a filter',
        body: z.object({ filter: CustomerFilter.default({}) }),
        response: { 200: z.object({ count: z.number().int() }) },
      },
      config: { permission: 'customers:read' },
    },
    async (req) => ({ count: await countCustomers(app.db, req.actor.workspaceId, req.body.filter) }),
  )
  app.post(
    '/api/customers',
    {
      schema: {
        tags,
        summary: 'Create a customer',
        body: CreateCustomerInput,
        response: { 201: CustomerView },
      },
      config: { permission: 'customers:write' },
    },
    async (req, reply) => reply.code(201).send(await createCustomer(app.db, req.actor, req.body)),
  )
  app.get(
    '/api/customers/:id',
    {
      schema: { tags, summary: 'Get a customer', params: Params, response: { 200: CustomerView } },
      config: { permission: 'customers:read' },
    },
    async (req) => getCustomer(app.db, req.actor.workspaceId, req.params.id),
  )
  app.patch(
    '/api/customers/:id',
    {
      schema: {
        tags,
        summary: 'Change a customer',
        description: 'Only the fields sent change. In `attributes`, null removes a value.',
        params: Params,
        body: UpdateCustomerInput,
        response: { 200: CustomerView },
      },
      config: { permission: 'customers:write' },
    },
    async (req) => updateCustomer(app.db, req.actor, req.params.id, req.body),
  )
  app.get(
    '/api/customers/:id/contacts',
    {
      schema: {
        tags,
        summary: "An organisation's contacts",
        params: Params,
        querystring: PageQuery.extend({ sort: z.string().max(40).optional() }),
        response: { 200: pageOf(CustomerView) },
      },
      config: { permission: 'customers:read' },
    },
    async (req) => {
      const org = await getCustomer(app.db, req.actor.workspaceId, req.params.id)
      return searchCustomers(app.db, req.actor.workspaceId, {
        filter: { organisationId: org.id },
        sort: req.query.sort ?? 'name',
        limit: req.query.limit,
        cursor: req.query.cursor,
      })
    },
  )
  app.get(
    '/api/customers/:id/timeline',
    {
      schema: {
        tags,
        summary: "A customer's timeline: every module's events, newest first",
        params: Params,
        querystring: TimelineQuery,
        response: { 200: pageOf(TimelineItem) },
      },
      config: { permission: 'customers:read' },
    },
    async (req) => listTimeline(app.db, req.actor.workspaceId, req.params.id, req.query),
  )
  app.post(
    '/api/customers/:id/notes',
    {
      schema: {
        tags,
        summary: 'Add a note to the customer timeline',
        params: Params,
        body: z.object({ text: z.string().trim().min(1).max(5000) }),
        response: { 201: z.object({ ok: z.literal(true) }) },
      },
      config: { permission: 'customers:write' },
    },
    async (req, reply) => {
      const customer = await getCustomer(app.db, req.actor.workspaceId, req.params.id)
      await appendTimelineEvent(app.db, req.actor, {
        customerId: customer.id,
        type: 'customer.note',
        summary: req.body.text.length > 140 ? `${req.body.text.slice(0, 139)}…` : req.body.text,
        data: { text: req.body.text },
      })
      return reply.code(201).send({ ok: true as const })
    },
  )
}
