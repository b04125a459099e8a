import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import {
  BatchResultView,
  CustomersBatchInput,
  importBatch,
  PurchasesBatchInput,
} from '../../modules/imports/index.js'

/** 10,000 rows of JSON run to a few megabytes; the API's default limit is 1 MB. */
const BATCH_BODY_LIMIT = 16 * 1024 ** 2

const description =
  'Up to 10,000 rows, upserted by externalId with the same validation as file imports: sending the same ' +
  'rows again changes nothing. All or nothing unless skipInvalid: invalid rows give a 400 problem with ' +
  'one error per bad field (body.rows.<index>.<field>).'

export const batchRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/customers/batch',
    {
      schema: {
        tags: ['imports'],
        summary: 'Create or update customers in bulk',
        description,
        body: CustomersBatchInput,
        response: { 200: BatchResultView },
      },
      bodyLimit: BATCH_BODY_LIMIT,
      config: { permission: 'customers:import' },
    },
    async (req) => importBatch({ db: app.db, raw: app.raw }, req.actor, 'customers', req.body),
  )
  app.post(
    '/api/purchases/batch',
    {
      schema: {
        tags: ['imports'],
        summary: 'Create or update purchases in bulk',
        description,
        body: PurchasesBatchInput,
        response: { 200: BatchResultView },
      },
      bodyLimit: BATCH_BODY_LIMIT,
      config: { permission: 'customers:import' },
    },
    async (req) => importBatch({ db: app.db, raw: app.raw }, req.actor, 'purchases', req.body),
  )
}
