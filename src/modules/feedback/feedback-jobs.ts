import type { Executor } from '../../db/database.js'
import type { JobDefinition } from '../jobs/index.js'
import { createEmailSender, outboxJob } from '../outbox/index.js'
import { smtpUrlFor } from './feedback-settings.js'
import { scheduleSurveys } from './schedule-surveys.js'
import { sendDueInvitations } from './send-invitations.js'

export interface FeedbackJobOptions {
  /** Origin of the public answer links (CENTRIC_PUBLIC_URL, else the server's own URL). */
  baseUrl: () => string
  /** CENTRIC_SMTP_URL: the SMTP server of workspaces without their own. */
  smtpUrl: string | undefined
}

/** One pass of the feedback loop: time-based triggers, then due invitations and reminders. */
export async function runFeedbackSweep(db: Executor, opts: { now: Date; baseUrl: string }) {
  const scheduled = await scheduleSurveys(db, opts.now)
  const sent = await sendDueInvitations(db, opts)
  return { ...scheduled, ...sent }
}

/** The feedback sweep and the outbox worker (email over SMTP) as background jobs. */
export function feedbackJobs(db: Executor, opts: FeedbackJobOptions): JobDefinition[] {
  return [
    {
      name: 'feedback.sweep',
      everySeconds: 60,
      handler: async ({ db }) => {
        await runFeedbackSweep(db, { now: new Date(), baseUrl: opts.baseUrl() })
      },
    },
    outboxJob({ email: createEmailSender((ws) => smtpUrlFor(db, ws, opts.smtpUrl)) }),
  ]
}
