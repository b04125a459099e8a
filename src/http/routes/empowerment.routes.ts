import { Readable } from 'node:stream'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  ApprovalStatsView,
  ApprovalView,
  AuthorityQuery,
  AuthorityView,
  approvalStats,
  BudgetUsageQuery,
  BudgetUsageRow,
  budgetUsage,
  createGrant,
  DecideApprovalInput,
  decideApproval,
  empowermentImpact,
  exportLedgerCsv,
  GrantInput,
  GrantOutcome,
  getApproval,
  getAuthority,
  ImpactRow,
  LedgerEntryView,
  LedgerQuery,
  ListApprovalsQuery,
  listApprovals,
  listLedger,
  ReportWindow,
  ReverseGrantInput,
  reverseGrant,
} from '../../modules/empowerment/index.js'
import { pageOf } from '../../shared/pagination.js'

const Params = z.object({ id: z.string().max(100) })
const tags = ['empowerment']
const read = { permission: 'grants:read' } as const
const write = { permission: 'grants:write' } as const
const decide = { permission: 'approvals:decide' } as const

/** Grants, approvals, the ledger and the budget reports; authority is decided in the module. */
export const empowermentRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/empowerment/authority',
    {
      schema: {
        tags,
        summary: "The caller's remaining authority for a customer (and case)",
        querystring: AuthorityQuery,
        response: { 200: AuthorityView },
      },
      config: write,
    },
    async (req) => getAuthority(app.db, req.actor, req.query),
  )
  app.post(
    '/api/grants',
    {
      schema: {
        tags,
        summary: 'Grant goodwill: executed within authority (201), else an approval request (202) or 403',
        body: GrantInput,
        response: { 201: GrantOutcome, 202: GrantOutcome },
      },
      config: write,
    },
    async (req, reply) => {
      const outcome = await createGrant(app.db, req.actor, req.body)
      return reply.code(outcome.outcome === 'executed' ? 201 : 202).send(outcome)
    },
  )
  app.get(
    '/api/grants',
    {
      schema: {
        tags,
        summary: 'The grant ledger, newest first',
        querystring: LedgerQuery,
        response: { 200: pageOf(LedgerEntryView) },
      },
      config: read,
    },
    async (req) => listLedger(app.db, req.actor.workspaceId, req.query),
  )
  app.get(
    '/api/grants/export.csv',
    {
      schema: {
        tags,
        summary: 'The filtered ledger as CSV (streamed, oldest first)',
        querystring: LedgerQuery.omit({ limit: true, cursor: true }),
      },
      config: read,
    },
    async (req, reply) =>
      reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="grant-ledger.csv"')
        .send(Readable.from(exportLedgerCsv(app.db, req.actor.workspaceId, req.query))),
  )
  app.post(
    '/api/grants/:id/reverse',
    {
      schema: {
        tags,
        summary: 'Correct a grant with a reversal entry',
        params: Params,
        body: ReverseGrantInput,
        response: { 201: LedgerEntryView },
      },
      config: decide,
    },
    async (req, reply) =>
      reply.code(201).send(await reverseGrant(app.db, req.actor, req.params.id, req.body)),
  )

  app.get(
    '/api/approvals',
    {
      schema: {
        tags,
        summary: 'Approval requests; forMe=true is the approver inbox',
        querystring: ListApprovalsQuery,
        response: { 200: pageOf(ApprovalView) },
      },
      config: read,
    },
    async (req) => listApprovals(app.db, req.actor, req.query),
  )
  app.get(
    '/api/approvals/:id',
    {
      schema: { tags, summary: 'Get an approval request', params: Params, response: { 200: ApprovalView } },
      config: read,
    },
    async (req) => getApproval(app.db, req.actor.workspaceId, req.params.id),
  )
  app.post(
    '/api/approvals/:id/decision',
    {
      schema: {
        tags,
        summary: 'Approve (executes the grant) or deny, with a reason',
        params: Params,
        body: DecideApprovalInput,
        response: { 200: ApprovalView },
      },
      config: decide,
    },
    async (req) => decideApproval(app.db, req.actor, req.params.id, req.body),
  )

  app.get(
    '/api/empowerment/reports/budget',
    {
      schema: {
        tags,
        summary: 'Goodwill used per agent, team, tier or month',
        querystring: BudgetUsageQuery,
        response: { 200: z.object({ items: z.array(BudgetUsageRow) }) },
      },
      config: read,
    },
    async (req) => ({ items: await budgetUsage(app.db, req.actor.workspaceId, req.query) }),
  )
  app.get(
    '/api/empowerment/reports/approvals',
    {
      schema: {
        tags,
        summary: 'Approvals pending and turnaround',
        querystring: ReportWindow,
        response: { 200: ApprovalStatsView },
      },
      config: read,
    },
    async (req) => approvalStats(app.db, req.actor.workspaceId, req.query),
  )
  app.get(
    '/api/empowerment/reports/impact',
    {
      schema: {
        tags,
        summary:
          'What empowerment bought: repeat purchase (and satisfaction) of grant recipients vs comparable customers per tier',
        querystring: ReportWindow,
        response: { 200: z.object({ items: z.array(ImpactRow) }) },
      },
      config: read,
    },
    async (req) => ({ items: await empowermentImpact(app.db, req.actor.workspaceId, req.query) }),
  )
}
