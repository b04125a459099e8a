import type { JobDefinition } from '../jobs/index.js'
import { sweepCallbacks } from './callbacks/sweep-callbacks.js'
import { sweepSla } from './escalation/sweep-sla.js'

/**
 * The service centre's background jobs: the SLA sweep raises warnings and breaches and escalates,
 * and marks callbacks missed when their promised window has passed.
 */
export const serviceJobs: JobDefinition[] = [
  {
    name: 'service.sla-sweep',
    everySeconds: 15,
    handler: async ({ db }) => {
      const now = new Date()
      await sweepSla(db, now)
      await sweepCallbacks(db, now)
    },
  },
]
