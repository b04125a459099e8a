import { afterAll, beforeAll, expect, it } from 'vitest'
import { describeEachDb } from '../../../test/test-app.js'
import { backoffSeconds } from './backoff.js'
import { type DeliveryReport, deliverDueMessages, type OutboxSender } from './deliver-due-messages.js'
import { createEmailSender } from './email-sender.js'
import { enqueueMessage } from './enqueue-message.js'
import { startTestSmtpServer } from './smtp-test-server.test-helper.js'

const mail = (to: string, subject: string) => ({
  to,
  from: 'desk@centric.test',
  subject,
  text: `Hello ${to}`,
})

describeEachDb('outbox delivery over real SMTP', (t) => {
  let crashNext = false
  let smtp: Awaited<ReturnType<typeof startTestSmtpServer>>
  const serverSockets: { destroy: () => void }[] = []
  beforeAll(async () => {
    smtp = await startTestSmtpServer({
      onDataStart: () => {
        // The worker "dies" as it starts sending the message: its connection drops.
        if (!crashNext) return
        for (const s of serverSockets.splice(0)) s.destroy()
      },
    })
  })
  afterAll(() => smtp.close())

  async function statusOf(workspaceId: string, id: string) {
    return t.db
      .selectFrom('outbox_messages')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
  }

  it('sends once per idempotency key, with the key as Message-ID', async () => {
    const ws = await t.newWorkspace()
    const id = ws.workspace.id
    const a = await enqueueMessage(t.db, id, {
      kind: 'email',
      idempotencyKey: 'welcome-1',
      payload: mail('a@x.test', 'Welcome'),
    })
    const again = await enqueueMessage(t.db, id, {
      kind: 'email',
      idempotencyKey: 'welcome-1',
      payload: mail('a@x.test', 'Welcome'),
    })
    expect(again).toEqual({ id: a.id, created: false })
    const before = smtp.received.length
    const r = await deliverDueMessages(t.db, { senders: { email: createEmailSender(async () => smtp.url) } })
    expect(r.sent).toBeGreaterThanOrEqual(1)
    const mine = smtp.received.slice(before).filter((m) => m.subject === 'Welcome')
    expect(mine).toHaveLength(1)
    expect(mine[0]!.messageId).toBe('<welcome-1@outbox.centric>')
    expect(mine[0]!.to).toEqual(['a@x.test'])
    expect((await statusOf(id, a.id)).status).toBe('sent')
    // A second pass finds nothing to do.
    const second = await deliverDueMessages(t.db, {
      senders: { email: createEmailSender(async () => smtp.url) },
    })
    expect(smtp.received.slice(before).filter((m) => m.subject === 'Welcome')).toHaveLength(1)
    expect(second.sent).toBe(0)
  })

  it('retries with exponential back-off and dead-letters after the last attempt', async () => {
    const ws = await t.newWorkspace()
    const id = ws.workspace.id
    const m = await enqueueMessage(t.db, id, {
      kind: 'flaky',
      idempotencyKey: 'f-1',
      payload: { n: 1 },
      maxAttempts: 3,
    })
    let calls = 0
    const failing: OutboxSender = async () => {
      calls++
      throw new Error('connection refused')
    }
    let now = new Date(Date.now() + 1000)
    const reports: DeliveryReport[] = []
    for (let attempt = 1; attempt <= 3; attempt++) {
      reports.push(await deliverDueMessages(t.db, { senders: { flaky: failing }, now }))
      const row = await statusOf(id, m.id)
      expect(row.attempts).toBe(attempt)
      if (attempt < 3) {
        expect(row.status).toBe('pending')
        expect(row.next_attempt_at.getTime() - now.getTime()).toBe(backoffSeconds(attempt) * 1000)
        // Not due a moment before the back-off ends.
        const early = await deliverDueMessages(t.db, {
          senders: { flaky: failing },
          now: new Date(row.next_attempt_at.getTime() - 1),
        })
        expect(early.retried + early.dead).toBe(0)
        now = row.next_attempt_at
      } else {
        expect(row.status).toBe('dead')
        expect(row.last_error).toBe('connection refused')
      }
    }
    expect(calls).toBe(3)
    expect(reports.map((r) => [r.retried, r.dead])).toEqual([
      [1, 0],
      [1, 0],
      [0, 1],
    ])
    expect([backoffSeconds(1), backoffSeconds(2), backoffSeconds(3), backoffSeconds(20)]).toEqual([
      30, 60, 120, 3600,
    ])
  })

  // The crash and side-by-side workers sweep only their test's workspace: messages that earlier
  // tests left due (retries, dead letters) belong to other workspaces.
  it('survives a worker killed mid-delivery: no message lost, none sent twice', async () => {
    const ws = await t.newWorkspace()
    const id = ws.workspace.id
    const m = await enqueueMessage(t.db, id, {
      kind: 'email',
      idempotencyKey: 'crash-1',
      payload: mail('c@x.test', 'Crash test'),
    })
    const real = createEmailSender(async () => smtp.url)
    smtp.onConnection((s) => serverSockets.push(s))
    // Worker 1: its connection is cut while the body is being sent, and (like a killed process)
    // it never gets to write anything afterwards.
    crashNext = true
    let settled = false
    const dying: OutboxSender = (message) =>
      new Promise<void>(() => {
        real(message).then(
          () => {
            settled = true
          },
          () => {
            settled = true
          },
        )
      })
    // The database stamped the message in microseconds; a JS Date taken now can still be earlier.
    const start = new Date((await statusOf(id, m.id)).next_attempt_at.getTime() + 1)
    void deliverDueMessages(t.db, {
      senders: { email: dying },
      now: start,
      leaseSeconds: 60,
      workspaceId: id,
    })
    try {
      await expect.poll(() => settled, { timeout: 10_000 }).toBe(true)
    } finally {
      crashNext = false
    }
    expect(smtp.received.filter((r) => r.subject === 'Crash test')).toHaveLength(0)
    expect((await statusOf(id, m.id)).status).toBe('sending')
    // Another worker inside the lease leaves it alone: the first might still be delivering.
    const inside = await deliverDueMessages(t.db, {
      senders: { email: real },
      now: new Date(start.getTime() + 30_000),
      workspaceId: id,
    })
    expect(inside.sent).toBe(0)
    // After the lease, a restarted worker takes it over and delivers it exactly once.
    const after = await deliverDueMessages(t.db, {
      senders: { email: real },
      now: new Date(start.getTime() + 61_000),
      workspaceId: id,
    })
    expect(after.sent).toBe(1)
    const got = smtp.received.filter((r) => r.subject === 'Crash test')
    expect(got).toHaveLength(1)
    expect(got[0]!.messageId).toBe('<crash-1@outbox.centric>')
    const row = await statusOf(id, m.id)
    expect(row.status).toBe('sent')
    expect(row.attempts).toBe(2)
  })

  it('lets two workers run side by side without sending a message twice', async () => {
    const ws = await t.newWorkspace()
    const id = ws.workspace.id
    for (let i = 0; i < 6; i++)
      await enqueueMessage(t.db, id, {
        kind: 'email',
        idempotencyKey: `pair-${i}`,
        payload: mail(`p${i}@x.test`, 'Pair'),
      })
    const real = createEmailSender(async () => smtp.url)
    const [a, b] = await Promise.all([
      deliverDueMessages(t.db, { senders: { email: real }, batch: 3, workspaceId: id }),
      deliverDueMessages(t.db, { senders: { email: real }, batch: 3, workspaceId: id }),
    ])
    const rest = await deliverDueMessages(t.db, { senders: { email: real }, workspaceId: id })
    expect(a.sent + b.sent + rest.sent).toBe(6)
    const ids = smtp.received.filter((r) => r.subject === 'Pair').map((r) => r.messageId)
    expect(ids).toHaveLength(6)
    expect(new Set(ids).size).toBe(6)
  })

  it('never holds a message past its lease: a slow send fails in time, the rest go back unstarted', async () => {
    const ws = await t.newWorkspace()
    const id = ws.workspace.id
    const queued = []
    for (let i = 0; i < 3; i++)
      queued.push(
        await enqueueMessage(t.db, id, {
          kind: 'email',
          idempotencyKey: `slow-${i}`,
          payload: mail('s@x.test', 'S'),
        }),
      )
    const started: string[] = []
    // The first send hangs (a server that accepted the connection and went silent).
    const hanging: OutboxSender = (m) => {
      started.push(m.idempotencyKey)
      return new Promise(() => {})
    }
    const r = await deliverDueMessages(t.db, {
      senders: { email: hanging },
      leaseSeconds: 1,
      workspaceId: id,
    })
    expect(started).toEqual(['slow-0'])
    expect(r).toEqual({ sent: 0, retried: 1, dead: 0, released: 2 })
    const first = await statusOf(id, queued[0]!.id)
    expect(first).toMatchObject({ status: 'pending', attempts: 1, locked_until: null })
    expect(first.last_error).toMatch(/not delivered within/)
    for (const q of queued.slice(1))
      expect(await statusOf(id, q.id)).toMatchObject({ status: 'pending', attempts: 0, locked_until: null })
    // The released ones are due at once; the failed one waits for its back-off.
    const next = await deliverDueMessages(t.db, {
      senders: { email: createEmailSender(async () => smtp.url) },
      workspaceId: id,
    })
    expect(next).toEqual({ sent: 2, retried: 0, dead: 0, released: 0 })
  })
})
