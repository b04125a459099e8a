import type { JobDefinition } from '../jobs/index.js'
import { sweepSla } from './escalation/sweep-sla.js'

/** The service centre's background jobs: the SLA sweep raises warnings and breaches, and escalates. */
export const serviceJobs: JobDefinition[] = [
  {
    name: 'service.sla-sweep',
    everySeconds: 15,
    handler: async ({ db }) => {
      await sweepSla(db, new Date())
    },
  },
]
