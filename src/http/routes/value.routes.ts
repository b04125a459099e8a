import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  createValueRunner,
  getValueCard,
  getValueRun,
  getValueSummary,
  ListValueRunsQuery,
  listValueRuns,
  readValueSettings,
  recomputeTiers,
  ScoreOptions,
  TierRules,
  updateTierRules,
  ValueCardView,
  ValueRunView,
  ValueSummaryView,
} from '../../modules/value/index.js'
import { pageOf } from '../../shared/pagination.js'

const Params = z.object({ id: z.string().max(100) })
const TierChanges = z.object({ tierChanges: z.number().int() })

export const valueRoutes: FastifyPluginAsyncZod = async (app) => {
  // Runs execute in this process; closing the server waits for them.
  const runner = createValueRunner(app.db)
  app.addHook('onClose', () => runner.drain())

  app.post(
    '/api/value/runs',
    {
      schema: {
        tags: ['value'],
        summary: 'Start a value run',
        description:
          "Fits the purchase and spend models on the workspace purchases, then writes every customer's predictions, profitability, RFM and tier. With holdoutEnd it only evaluates the model. Answers at once (202); poll the run.",
        body: ScoreOptions,
        response: { 202: ValueRunView },
      },
      config: { permission: 'value:configure' },
    },
    async (req, reply) => reply.code(202).send(await runner.start(req.actor, req.body)),
  )
  app.get(
    '/api/value/runs',
    {
      schema: {
        tags: ['value'],
        summary: 'List value runs, newest first',
        querystring: ListValueRunsQuery,
        response: { 200: pageOf(ValueRunView) },
      },
      config: { permission: 'value:read' },
    },
    async (req) => listValueRuns(app.db, req.actor.workspaceId, req.query),
  )
  app.get(
    '/api/value/runs/:id',
    {
      schema: {
        tags: ['value'],
        summary: 'A value run: status, progress, parameters, standard errors, holdout comparison',
        params: Params,
        response: { 200: ValueRunView },
      },
      config: { permission: 'value:read' },
    },
    async (req) => getValueRun(app.db, req.actor.workspaceId, req.params.id),
  )
  app.get(
    '/api/customers/:id/value',
    {
      schema: {
        tags: ['value', 'customers'],
        summary: "A customer's value card",
        params: Params,
        response: { 200: ValueCardView },
      },
      config: { permission: 'value:read' },
    },
    async (req) => getValueCard(app.db, req.actor.workspaceId, req.params.id),
  )
  app.get(
    '/api/value/summary',
    {
      schema: {
        tags: ['value'],
        summary: 'Distributions for charts: CLV histogram, RFM grid, segments, tiers, profit points',
        response: { 200: ValueSummaryView },
      },
      config: { permission: 'value:read' },
    },
    async (req) => getValueSummary(app.db, req.actor.workspaceId),
  )
  app.get(
    '/api/value/tiers',
    {
      schema: { tags: ['value'], summary: 'Value tier rules', response: { 200: TierRules } },
      config: { permission: 'value:read' },
    },
    async (req) => (await readValueSettings(app.db, req.actor.workspaceId)).tierRules,
  )
  app.put(
    '/api/value/tiers',
    {
      schema: {
        tags: ['value'],
        summary: 'Replace the value tier rules and re-tier every scored customer',
        body: TierRules,
        response: { 200: z.object({ rules: TierRules, tierChanges: z.number().int() }) },
      },
      config: { permission: 'value:configure' },
    },
    async (req) => updateTierRules(app.db, req.actor, req.body),
  )
  app.post(
    '/api/value/tiers/recompute',
    {
      schema: {
        tags: ['value'],
        summary: 'Re-tier every scored customer by the current rules (no refit)',
        body: z.object({}).optional(),
        response: { 200: TierChanges },
      },
      config: { permission: 'value:configure' },
    },
    async (req) => recomputeTiers(app.db, req.actor),
  )
}
