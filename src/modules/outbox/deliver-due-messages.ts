import { sql } from 'kysely'
import type { Executor, OutboxStatus } from '../../db/database.js'
import { appendTimelineEvent } from '../customers/index.js'
import { systemActor } from '../platform/index.js'
import { backoffSeconds } from './backoff.js'

/** A claimed message handed to its sender. */
export interface OutboxMessage {
  workspaceId: string
  id: string
  kind: string
  idempotencyKey: string
  payload: Record<string, unknown>
  attempt: number
}

/** Delivers one message; throwing schedules a retry (or dead-letters after the last attempt). */
export type OutboxSender = (message: OutboxMessage) => Promise<void>

export interface DeliverOptions {
  senders: Record<string, OutboxSender>
  now?: Date
  batch?: number
  /**
   * How long a claimed message stays with its worker. A worker that dies mid-delivery leaves the
   * row in `sending`; after the lease another worker takes it over (same idempotency key).
   */
  leaseSeconds?: number
  /** Only this workspace's messages (a sweep for one tenant); by default every workspace's. */
  workspaceId?: string
}

export interface DeliveryReport {
  sent: number
  retried: number
  dead: number
  /** Claimed but not started before half the lease was gone: back to pending, attempt not counted. */
  released: number
}

interface Claimed {
  workspace_id: string
  id: string
  kind: string
  idempotency_key: string
  payload: Record<string, unknown> | string
  customer_id: string | null
  attempts: number
  max_attempts: number
}

/**
 * One pass of the outbox worker. Due rows are claimed with FOR UPDATE SKIP LOCKED and marked
 * `sending` in their own statement, which commits before anything is sent: any number of
 * workers can run side by side, and a crash leaves a durable trace instead of a lost message.
 * Each message is sent with its idempotency key as the SMTP Message-ID (or webhook header), so a
 * takeover after a crash is recognisable downstream.
 */
export async function deliverDueMessages(db: Executor, options: DeliverOptions): Promise<DeliveryReport> {
  const now = options.now ?? new Date()
  const lease = options.leaseSeconds ?? 120
  const kinds = Object.keys(options.senders)
  const report: DeliveryReport = { sent: 0, retried: 0, dead: 0, released: 0 }
  if (kinds.length === 0) return report
  // Without an explicit `now`, due-ness is judged on the database clock: enqueueing stamps
  // next_attempt_at there in microseconds, and a JS Date (milliseconds) taken right after can
  // still compare as earlier, which left just-queued messages for the next poll.
  const at = options.now ? sql`${options.now}::timestamptz` : sql`statement_timestamp()`
  const { rows } = await sql<Claimed>`
    UPDATE outbox_messages o
    SET status = 'sending', attempts = o.attempts + 1,
      locked_until = ${at} + make_interval(secs => ${lease})
    FROM (
      SELECT workspace_id, id FROM outbox_messages
      WHERE next_attempt_at <= ${at} AND kind IN (${sql.join(kinds)})
        ${options.workspaceId ? sql`AND workspace_id = ${options.workspaceId}` : sql``}
        AND (status = 'pending' OR (status = 'sending' AND locked_until <= ${at}))
      ORDER BY next_attempt_at
      LIMIT ${options.batch ?? 20}
      FOR UPDATE SKIP LOCKED
    ) due
    WHERE o.workspace_id = due.workspace_id AND o.id = due.id
    RETURNING o.workspace_id, o.id, o.kind, o.idempotency_key, o.payload, o.customer_id, o.attempts,
      o.max_attempts`.execute(db)
  // A worker must be done with a message before its lease ends, or a second worker takes it over
  // while the first is still sending. So a message is only started in the first half of the
  // lease, and a send still running at the end of that half counts as failed (retried later).
  const claimedAt = performance.now()
  const halfLeaseMs = (lease * 1000) / 2
  for (const [i, row] of rows.entries()) {
    const left = halfLeaseMs - (performance.now() - claimedAt)
    if (left <= 0) {
      report.released += await release(db, rows.slice(i))
      break
    }
    const sender = options.senders[row.kind]
    const message: OutboxMessage = {
      workspaceId: row.workspace_id,
      id: row.id,
      kind: row.kind,
      idempotencyKey: row.idempotency_key,
      payload: typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload,
      attempt: row.attempts,
    }
    try {
      if (!sender) throw new Error(`no sender for ${row.kind}`)
      await withinMs(sender(message), left)
      await finish(db, row, 'sent', null, now)
      report.sent++
    } catch (error) {
      const text = (error instanceof Error ? error.message : String(error)).slice(0, 1000)
      const dead = row.attempts >= row.max_attempts
      await finish(db, row, dead ? 'dead' : 'pending', text, now)
      if (dead) report.dead++
      else report.retried++
    }
  }
  return report
}

async function withinMs<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`not delivered within ${Math.round(ms)} ms of its lease`)), ms)
  })
  try {
    return await Promise.race([work, late])
  } finally {
    clearTimeout(timer)
  }
}

/** Hands claimed, unstarted messages back as they were before the claim. */
async function release(db: Executor, rows: Claimed[]): Promise<number> {
  await db
    .updateTable('outbox_messages')
    .set((eb) => ({ status: 'pending', attempts: eb('attempts', '-', 1), locked_until: null }))
    .where((eb) =>
      eb.or(rows.map((r) => eb.and([eb('workspace_id', '=', r.workspace_id), eb('id', '=', r.id)]))),
    )
    .where('status', '=', 'sending')
    .execute()
  return rows.length
}

/**
 * Fields a message names in `secretFields` (e.g. the body carrying a survey link) are dropped once
 * it is sent: the database keeps that the message went out, not a working link to someone's answer.
 */
function scrubbed(payload: Record<string, unknown>): string | undefined {
  const secret = payload.secretFields
  if (!Array.isArray(secret)) return undefined
  const kept = Object.fromEntries(Object.entries(payload).filter(([k]) => !secret.includes(k)))
  return JSON.stringify(kept)
}

async function finish(db: Executor, row: Claimed, status: OutboxStatus, error: string | null, now: Date) {
  const payload = typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload
  const scrub = status === 'sent' ? scrubbed(payload) : undefined
  await db
    .updateTable('outbox_messages')
    .set({
      status,
      ...(scrub ? { payload: scrub } : {}),
      locked_until: null,
      last_error: error,
      ...(status === 'sent' ? { sent_at: now } : {}),
      ...(status === 'pending'
        ? { next_attempt_at: new Date(now.getTime() + backoffSeconds(row.attempts) * 1000) }
        : {}),
    })
    .where('workspace_id', '=', row.workspace_id)
    .where('id', '=', row.id)
    .execute()
  if (row.customer_id && status !== 'pending') {
    const what = typeof payload.subject === 'string' ? `"${payload.subject}"` : row.kind
    await appendTimelineEvent(db, systemActor(row.workspace_id), {
      customerId: row.customer_id,
      type: status === 'sent' ? 'outbox.sent' : 'outbox.dead',
      summary:
        status === 'sent' ? `Sent ${what}` : `Could not deliver ${what} after ${row.attempts} attempts`,
      data: { messageId: row.id, kind: row.kind, error },
      occurredAt: now,
    })
  }
}
