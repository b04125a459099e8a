/**
 * The outbox: a durable table of messages to send (emails now; webhooks and notifications later)
 * and a worker that delivers them with retries, exponential back-off, dead-lettering and one
 * idempotency key per message. Enqueue in the transaction of the change that causes the message.
 */
export { backoffSeconds } from './backoff.js'
export {
  type DeliverOptions,
  type DeliveryReport,
  deliverDueMessages,
  type OutboxMessage,
  type OutboxSender,
} from './deliver-due-messages.js'
export { createEmailSender, type EmailPayload } from './email-sender.js'
export { enqueueMessage, type NewOutboxMessage } from './enqueue-message.js'
export { listOutbox, OutboxMessageView, OutboxQuery } from './list-outbox.js'
export { outboxJob } from './outbox-job.js'
