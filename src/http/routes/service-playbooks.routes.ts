import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  CasePlaybookView,
  createMacro,
  createPlaybook,
  deleteMacro,
  deletePlaybook,
  getCasePlaybook,
  getMacro,
  getPlaybook,
  ListMacrosQuery,
  listMacros,
  listPlaybooks,
  MacroInput,
  MacroView,
  MarkStepInput,
  markPlaybookStep,
  PlaybookInput,
  PlaybookView,
  RenderedMacroView,
  renderMacroForCase,
  updateMacro,
  updatePlaybook,
} from '../../modules/service/index.js'

const Params = z.object({ id: z.string().max(100) })
const tags = ['playbooks and macros']
const read = { permission: 'cases:read' } as const
const write = { permission: 'cases:write' } as const
const configure = { permission: 'service:configure' } as const

export const servicePlaybooksRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/service/playbooks',
    {
      schema: {
        tags,
        summary: 'Playbooks (one per case category)',
        response: { 200: z.object({ items: z.array(PlaybookView) }) },
      },
      config: read,
    },
    async (req) => ({ items: await listPlaybooks(app.db, req.actor.workspaceId) }),
  )
  app.post(
    '/api/service/playbooks',
    {
      schema: { tags, summary: 'Add a playbook', body: PlaybookInput, response: { 201: PlaybookView } },
      config: configure,
    },
    async (req, reply) => reply.code(201).send(await createPlaybook(app.db, req.actor, req.body)),
  )
  app.get(
    '/api/service/playbooks/:id',
    {
      schema: { tags, summary: 'Get a playbook', params: Params, response: { 200: PlaybookView } },
      config: read,
    },
    async (req) => getPlaybook(app.db, req.actor.workspaceId, req.params.id),
  )
  app.put(
    '/api/service/playbooks/:id',
    {
      schema: {
        tags,
        summary: 'Replace a playbook (steps keep progress by id)',
        params: Params,
        body: PlaybookInput,
        response: { 200: PlaybookView },
      },
      config: configure,
    },
    async (req) => updatePlaybook(app.db, req.actor, req.params.id, req.body),
  )
  app.delete(
    '/api/service/playbooks/:id',
    {
      schema: { tags, summary: 'Delete a playbook', params: Params, response: { 204: z.null() } },
      config: configure,
    },
    async (req, reply) => {
      await deletePlaybook(app.db, req.actor, req.params.id)
      return reply.code(204).send(null)
    },
  )
  app.get(
    '/api/cases/:id/playbook',
    {
      schema: {
        tags,
        summary: "The playbook of the case's category, with the case's progress",
        params: Params,
        response: { 200: CasePlaybookView },
      },
      config: read,
    },
    async (req) => getCasePlaybook(app.db, req.actor.workspaceId, req.params.id),
  )
  app.post(
    '/api/cases/:id/playbook/steps/:stepId',
    {
      schema: {
        tags,
        summary: 'Mark a playbook step done (or not done) on a case',
        params: z.object({ id: z.string().max(100), stepId: z.string().max(100) }),
        body: MarkStepInput,
        response: { 200: CasePlaybookView },
      },
      config: write,
    },
    async (req) => markPlaybookStep(app.db, req.actor, req.params.id, req.params.stepId, req.body),
  )

  app.get(
    '/api/service/macros',
    {
      schema: {
        tags,
        summary: 'Macros (canned replies)',
        querystring: ListMacrosQuery,
        response: { 200: z.object({ items: z.array(MacroView) }) },
      },
      config: read,
    },
    async (req) => ({ items: await listMacros(app.db, req.actor.workspaceId, req.query) }),
  )
  app.post(
    '/api/service/macros',
    {
      schema: { tags, summary: 'Add a macro', body: MacroInput, response: { 201: MacroView } },
      config: configure,
    },
    async (req, reply) => reply.code(201).send(await createMacro(app.db, req.actor, req.body)),
  )
  app.get(
    '/api/service/macros/:id',
    { schema: { tags, summary: 'Get a macro', params: Params, response: { 200: MacroView } }, config: read },
    async (req) => getMacro(app.db, req.actor.workspaceId, req.params.id),
  )
  app.put(
    '/api/service/macros/:id',
    {
      schema: {
        tags,
        summary: 'Replace a macro',
        params: Params,
        body: MacroInput,
        response: { 200: MacroView },
      },
      config: configure,
    },
    async (req) => updateMacro(app.db, req.actor, req.params.id, req.body),
  )
  app.delete(
    '/api/service/macros/:id',
    {
      schema: { tags, summary: 'Delete a macro', params: Params, response: { 204: z.null() } },
      config: configure,
    },
    async (req, reply) => {
      await deleteMacro(app.db, req.actor, req.params.id)
      return reply.code(204).send(null)
    },
  )
  app.post(
    '/api/cases/:id/macros/:macroId/render',
    {
      schema: {
        tags,
        summary:
          'Preview a macro filled in for a case (send it with POST /api/cases/{id}/messages and macroId)',
        params: z.object({ id: z.string().max(100), macroId: z.string().max(100) }),
        body: z.object({}).optional(),
        response: { 200: RenderedMacroView },
      },
      config: read,
    },
    async (req) => renderMacroForCase(app.db, req.actor, req.params.id, req.params.macroId),
  )
}
