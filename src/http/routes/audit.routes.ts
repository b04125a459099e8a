import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { AuditEntryView, ListAuditQuery, listAudit } from '../../modules/platform/index.js'
import { PageQuery, pageOf } from '../../shared/pagination.js'

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'The audit log of every write, newest first',
        querystring: ListAuditQuery.extend(PageQuery.shape),
        response: { 200: pageOf(AuditEntryView) },
      },
      config: { permission: 'audit:read' },
    },
    async (req) => listAudit(app.db, req.actor.workspaceId, req.query),
  )
}
