import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { getCustomer } from '../../modules/customers/index.js'
import {
  CreateProductInput,
  CreatePurchaseInput,
  createProduct,
  createPurchase,
  getProduct,
  getPurchase,
  ListProductsQuery,
  ListPurchasesQuery,
  listProducts,
  listPurchases,
  ProductView,
  PurchaseView,
  refundPurchase,
  UpdateProductInput,
  updateProduct,
} from '../../modules/purchases/index.js'
import { pageOf } from '../../shared/pagination.js'

const Params = z.object({ id: z.string().max(100) })

export const purchasesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/products',
    {
      schema: {
        tags: ['products'],
        summary: 'List products',
        querystring: ListProductsQuery,
        response: { 200: pageOf(ProductView) },
      },
      config: { permission: 'customers:read' },
    },
    async (req) => listProducts(app.db, req.actor.workspaceId, req.query),
  )
  app.post(
    '/api/products',
    {
      schema: {
        tags: ['products'],
        summary: 'Add a product',
        body: CreateProductInput,
        response: { 201: ProductView },
      },
      config: { permission: 'customers:configure' },
    },
    async (req, reply) => reply.code(201).send(await createProduct(app.db, req.actor, req.body)),
  )
  app.get(
    '/api/products/:id',
    {
      schema: {
        tags: ['products'],
        summary: 'Get a product',
        params: Params,
        response: { 200: ProductView },
      },
      config: { permission: 'customers:read' },
    },
    async (req) => getProduct(app.db, req.actor.workspaceId, req.params.id),
  )
  app.patch(
    '/api/products/:id',
    {
      schema: {
        tags: ['products'],
        summary: 'Change a product',
        params: Params,
        body: UpdateProductInput,
        response: { 200: ProductView },
      },
      config: { permission: 'customers:configure' },
    },
    async (req) => updateProduct(app.db, req.actor, req.params.id, req.body),
  )

  app.get(
    '/api/purchases',
    {
      schema: {
        tags: ['purchases'],
        summary: 'List purchases (order lines)',
        querystring: ListPurchasesQuery,
        response: { 200: pageOf(PurchaseView) },
      },
      config: { permission: 'customers:read' },
    },
    async (req) => listPurchases(app.db, req.actor.workspaceId, req.query),
  )
  app.post(
    '/api/purchases',
    {
      schema: {
        tags: ['purchases'],
        summary: 'Record a purchase (order line)',
        description: 'With an externalId, sending the same line again returns the stored one with 200.',
        body: CreatePurchaseInput,
        response: { 200: PurchaseView, 201: PurchaseView },
      },
      config: { permission: 'customers:write' },
    },
    async (req, reply) => {
      const { purchase, created } = await createPurchase(app.db, req.actor, req.body)
      return reply.code(created ? 201 : 200).send(purchase)
    },
  )
  app.get(
    '/api/purchases/:id',
    {
      schema: {
        tags: ['purchases'],
        summary: 'Get a purchase',
        params: Params,
        response: { 200: PurchaseView },
      },
      config: { permission: 'customers:read' },
    },
    async (req) => getPurchase(app.db, req.actor.workspaceId, req.params.id),
  )
  app.post(
    '/api/purchases/:id/refund',
    {
      schema: {
        tags: ['purchases'],
        summary: 'Refund a purchase line',
        description:
          'The line stays on record with status refunded; it leaves revenue and counts in refunds.',
        params: Params,
        body: z.object({ reason: z.string().trim().max(500).optional() }),
        response: { 200: PurchaseView },
      },
      config: { permission: 'customers:write' },
    },
    async (req) => refundPurchase(app.db, req.actor, req.params.id, req.body),
  )
  app.get(
    '/api/customers/:id/purchases',
    {
      schema: {
        tags: ['customers', 'purchases'],
        summary: "A customer's purchases",
        params: Params,
        querystring: ListPurchasesQuery.omit({ customer: true }),
        response: { 200: pageOf(PurchaseView) },
      },
      config: { permission: 'customers:read' },
    },
    async (req) => {
      const customer = await getCustomer(app.db, req.actor.workspaceId, req.params.id)
      return listPurchases(app.db, req.actor.workspaceId, { ...req.query, customer: customer.id })
    },
  )
}
