import nodemailer from 'nodemailer'
import type { OutboxSender } from './deliver-due-messages.js'

export interface EmailPayload {
  to: string
  from: string
  subject: string
  text: string
  html?: string
}

/**
 * nodemailer waits up to 2 minutes to connect and 10 minutes on a silent socket by default; a
 * hung server would then hold the whole batch past its lease (120 s, see deliverDueMessages).
 */
const SMTP_TIMEOUTS = { connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 30_000 }

/**
 * Sends `email` messages over SMTP with nodemailer. The SMTP server is chosen per workspace
 * (`smtpUrlFor`), e.g. from workspace settings with `CENTRIC_SMTP_URL` as the fallback.
 */
export function createEmailSender(
  smtpUrlFor: (workspaceId: string) => Promise<string | undefined>,
): OutboxSender {
  return async (message) => {
    const url = await smtpUrlFor(message.workspaceId)
    if (!url) throw new Error('no SMTP server configured (CENTRIC_SMTP_URL or feedback settings)')
    const p = message.payload as unknown as EmailPayload
    const transport = nodemailer.createTransport({ url, ...SMTP_TIMEOUTS })
    try {
      await transport.sendMail({
        from: p.from,
        to: p.to,
        subject: p.subject,
        text: p.text,
        html: p.html,
        // The idempotency key is the Message-ID: a takeover after a crash sends the same id.
        messageId: `<${message.idempotencyKey}@outbox.centric>`,
      })
    } finally {
      transport.close()
    }
  }
}
