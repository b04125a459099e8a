import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { previewDue, SlaPreviewInput } from '../../modules/service/index.js'

export const serviceRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/service/sla/preview',
    {
      schema: {
        tags: ['service'],
        summary: 'Compute an SLA deadline on a business-hours calendar (for checking a calendar)',
        description:
          'Business time is real elapsed time while the calendar is open in its own time zone; holidays are whole ' +
          'local dates; ranges are [start, end) local times with "24:00" as end of day; the deadline is the first ' +
          'instant at which accumulated business time reaches the target.',
        body: SlaPreviewInput,
        response: {
          200: z.object({ due: z.string().describe('UTC, whole seconds, e.g. 2026-03-30T08:30:00Z') }),
        },
      },
      config: { permission: 'service:configure' },
    },
    async (req) => previewDue(req.body),
  )
}
