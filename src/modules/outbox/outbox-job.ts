import type { JobDefinition } from '../jobs/index.js'
import { deliverDueMessages, type OutboxSender } from './deliver-due-messages.js'

/** The outbox worker as a periodic background job (every few seconds, on every server). */
export function outboxJob(senders: Record<string, OutboxSender>, everySeconds = 5): JobDefinition {
  return {
    name: 'outbox.deliver',
    everySeconds,
    handler: async ({ db }) => {
      // Drain in batches so a backlog does not wait for the next tick.
      for (let i = 0; i < 10; i++) {
        const r = await deliverDueMessages(db, { senders })
        if (r.sent + r.retried + r.dead === 0) break
      }
    },
  }
}
