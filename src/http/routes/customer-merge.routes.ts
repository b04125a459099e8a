import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  CustomerMergeView,
  DuplicateCandidateView,
  DuplicatePairView,
  FindDuplicatesQuery,
  findDuplicates,
  listCustomerMerges,
  listDuplicatePairs,
  listMergeHistory,
  MergeCustomersInput,
  MergeHistoryEntryView,
  MergeResultView,
  mergeCustomers,
} from '../../modules/customers/index.js'
import { PageQuery, pageOf } from '../../shared/pagination.js'

const Params = z.object({ id: z.string().max(100) })
const tags = ['customers']

export const customerMergeRoutes: FastifyPluginAsyncZod = async (app) => {
  // A static segment: the router prefers it to /api/customers/:id, whatever the order of registration.
  app.get(
    '/api/customers/duplicates',
    {
      schema: {
        tags,
        summary: 'Likely duplicate customers across the workspace, best first',
        querystring: PageQuery,
        response: { 200: pageOf(DuplicatePairView) },
      },
      config: { permission: 'customers:read' },
    },
    async (req) => listDuplicatePairs(app.db, req.actor.workspaceId, req.query),
  )
  app.get(
    '/api/customers/merges',
    {
      schema: {
        tags,
        summary:
          'Every merge of the workspace, newest first: who merged which customer into which, what moved',
        querystring: PageQuery,
        response: { 200: pageOf(MergeHistoryEntryView) },
      },
      config: { permission: 'customers:read' },
    },
    async (req) => listMergeHistory(app.db, req.actor.workspaceId, req.query),
  )
  app.get(
    '/api/customers/:id/duplicates',
    {
      schema: {
        tags,
        summary: 'Likely duplicates of one customer (same email, same phone, similar name), best first',
        params: Params,
        querystring: FindDuplicatesQuery,
        response: { 200: z.object({ items: z.array(DuplicateCandidateView) }) },
      },
      config: { permission: 'customers:read' },
    },
    async (req) => ({
      items: await findDuplicates(app.db, req.actor.workspaceId, req.params.id, req.query.limit),
    }),
  )
  app.post(
    '/api/customers/:id/merge',
    {
      schema: {
        tags,
        summary: 'Merge another customer into this one: every row of it moves here, then it is deleted',
        params: Params,
        body: MergeCustomersInput,
        response: { 200: MergeResultView },
      },
      config: { permission: 'customers:write' },
    },
    async (req) => mergeCustomers(app.db, req.actor, req.params.id, req.body.mergedId),
  )
  app.get(
    '/api/customers/:id/merges',
    {
      schema: {
        tags,
        summary: 'Customers merged into this one, newest first',
        params: Params,
        querystring: PageQuery,
        response: { 200: pageOf(CustomerMergeView) },
      },
      config: { permission: 'customers:read' },
    },
    async (req) => listCustomerMerges(app.db, req.actor.workspaceId, req.params.id, req.query),
  )
}
