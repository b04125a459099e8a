import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { sql } from 'kysely'
import { z } from 'zod'
import { DomainError } from '../../shared/domain-error.js'

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/healthz', { schema: { hide: true }, config: { public: true } }, async () => ({ status: 'ok' }))

  app.get(
    '/readyz',
    {
      schema: {
        hide: true,
        response: { 200: z.object({ status: z.literal('ready'), database: z.string() }) },
      },
      config: { public: true },
    },
    async () => {
      try {
        await sql`select 1`.execute(app.db)
      } catch {
        throw new DomainError('unavailable', 'DATABASE_UNREACHABLE', 'the database is not reachable')
      }
      return { status: 'ready' as const, database: app.dbKind }
    },
  )
}
