import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  CaseEventView,
  CaseMessageView,
  CaseView,
  ChangeCaseStatusInput,
  CreateCaseInput,
  changeCaseStatus,
  createCase,
  getCase,
  ListCasesQuery,
  listCaseHistory,
  listCaseMessages,
  listCases,
  MergeCasesInput,
  mergeCases,
  OverridePriorityInput,
  overrideCasePriority,
  PostCaseMessageInput,
  postCaseMessage,
  takeCase,
  UpdateCaseInput,
  updateCase,
} from '../../modules/service/index.js'
import { PageQuery, pageOf } from '../../shared/pagination.js'

const Params = z.object({ id: z.string().max(100) })
const tags = ['cases']
const read = { permission: 'cases:read' } as const
const write = { permission: 'cases:write' } as const

export const casesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/cases',
    {
      schema: {
        tags,
        summary: 'List cases',
        querystring: ListCasesQuery,
        response: { 200: pageOf(CaseView) },
      },
      config: read,
    },
    async (req) => listCases(app.db, req.actor.workspaceId, req.query),
  )
  app.post(
    '/api/cases',
    {
      schema: {
        tags,
        summary: 'Open a case',
        description:
          'Priority comes from the workspace matrix (value tier × urgency) unless overridden with a reason; due times ' +
          "from the SLA policy of the requester's tier on its business-hours calendar; team and assignee from the " +
          'routing rules unless given.',
        body: CreateCaseInput,
        response: { 201: CaseView },
      },
      config: write,
    },
    async (req, reply) => reply.code(201).send(await createCase(app.db, req.actor, req.body)),
  )
  app.get(
    '/api/cases/:id',
    { schema: { tags, summary: 'Get a case', params: Params, response: { 200: CaseView } }, config: read },
    async (req) => getCase(app.db, req.actor.workspaceId, req.params.id),
  )
  app.patch(
    '/api/cases/:id',
    {
      schema: {
        tags,
        summary: 'Change a case (subject, category, urgency, tags, team, assignee)',
        params: Params,
        body: UpdateCaseInput,
        response: { 200: CaseView },
      },
      config: write,
    },
    async (req) => updateCase(app.db, req.actor, req.params.id, req.body),
  )
  app.post(
    '/api/cases/:id/status',
    {
      schema: {
        tags,
        summary: 'Move a case through its statuses',
        description:
          'new → open → waiting_on_customer / waiting_on_third_party → resolved → closed; open from resolved or ' +
          'closed reopens. Illegal moves answer 409; resolving before the required playbook steps are done, 422. ' +
          'The SLA clocks stand still while waiting on the customer.',
        params: Params,
        body: ChangeCaseStatusInput,
        response: { 200: CaseView },
      },
      config: write,
    },
    async (req) => changeCaseStatus(app.db, req.actor, req.params.id, req.body),
  )
  app.post(
    '/api/cases/:id/priority',
    {
      schema: {
        tags,
        summary: 'Override the priority, with a reason',
        params: Params,
        body: OverridePriorityInput,
        response: { 200: CaseView },
      },
      config: write,
    },
    async (req) => overrideCasePriority(app.db, req.actor, req.params.id, req.body),
  )
  app.post(
    '/api/cases/:id/take',
    {
      schema: {
        tags,
        summary: 'Assign the case to yourself (and open it if new)',
        params: Params,
        body: z.object({}).optional(),
        response: { 200: CaseView },
      },
      config: write,
    },
    async (req) => takeCase(app.db, req.actor, req.params.id),
  )
  app.post(
    '/api/cases/:id/merge',
    {
      schema: {
        tags,
        summary: 'Merge a duplicate into this case',
        params: Params,
        body: MergeCasesInput,
        response: { 200: CaseView },
      },
      config: write,
    },
    async (req) => mergeCases(app.db, req.actor, req.params.id, req.body),
  )
  app.get(
    '/api/cases/:id/messages',
    {
      schema: {
        tags,
        summary: 'The conversation (replies, customer messages, notes), oldest first',
        params: Params,
        querystring: PageQuery,
        response: { 200: pageOf(CaseMessageView) },
      },
      config: read,
    },
    async (req) => listCaseMessages(app.db, req.actor.workspaceId, req.params.id, req.query),
  )
  app.post(
    '/api/cases/:id/messages',
    {
      schema: {
        tags,
        summary: 'Reply, add an internal note, or record a customer message',
        description: 'With macroId, the macro gives the text (variables filled), visibility and status.',
        params: Params,
        body: PostCaseMessageInput,
        response: { 201: CaseMessageView },
      },
      config: write,
    },
    async (req, reply) =>
      reply.code(201).send(await postCaseMessage(app.db, req.actor, req.params.id, req.body)),
  )
  app.get(
    '/api/cases/:id/history',
    {
      schema: {
        tags,
        summary: 'The full history of a case',
        params: Params,
        querystring: PageQuery,
        response: { 200: pageOf(CaseEventView) },
      },
      config: read,
    },
    async (req) => listCaseHistory(app.db, req.actor.workspaceId, req.params.id, req.query),
  )
}
