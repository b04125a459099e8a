import { expect, it } from 'vitest'
import { describeEachDb } from '../../../test/test-app.js'
import { queueHealth } from '../../modules/service/index.js'
import { serviceClient, signIn } from '../../modules/service/service.test-helper.js'

const minutesAgo = (now: Date, m: number) => new Date(now.getTime() - m * 60_000).toISOString()

describeEachDb('queues', (t) => {
  it('orders a team queue by deadline, then priority, with stable cursor pages', async () => {
    const ws = await t.newWorkspace()
    const api = serviceClient(t, ws.headers)
    const team = (await api.post('/api/service/teams', { name: 'Support' })).body
    // Round the clock (no calendar): due = opened + target.
    await api.post('/api/service/policies', {
      name: 'Default',
      appliesTo: 'default',
      targets: { urgent: { firstResponse: 30 }, high: { firstResponse: 60 }, normal: { firstResponse: 120 } },
    })
    const ada = (await api.post('/api/customers', { name: 'Ada' })).body
    const open = async (subject: string, urgency: string, openedAt: string, extra: object = {}) =>
      (
        await api.post('/api/cases', {
          channel: 'email',
          customerId: ada.id,
          teamId: team.id,
          subject,
          urgency,
          openedAt,
          ...extra,
        })
      ).body
    // Built-in matrix, no tier: medium → normal, high → high, critical → urgent, low → low (no target).
    await open('normal, due 12:00', 'medium', '2026-01-05T10:00:00Z')
    await open('urgent, due 10:40', 'critical', '2026-01-05T10:10:00Z')
    await open('high, due 11:00', 'high', '2026-01-05T10:00:00Z')
    await open('normal, due 11:00', 'medium', '2026-01-05T09:00:00Z')
    await open('low, no deadline', 'low', '2026-01-05T08:00:00Z')
    const waiting = await open('waiting, not in the default queue', 'critical', '2026-01-05T08:00:00Z')
    await api.post(`/api/cases/${waiting.id}/status`, { status: 'waiting_on_customer' })
    const expected = [
      'urgent, due 10:40',
      'high, due 11:00',
      'normal, due 11:00',
      'normal, due 12:00',
      'low, no deadline',
    ]
    const all = (await api.get(`/api/service/queues/${team.id}`)).body
    expect(all.items.map((c: { subject: string }) => c.subject)).toEqual(expected)
    expect(all.items[0]).toMatchObject({
      priority: 'urgent',
      breached: false,
      requesterName: 'Ada',
      nextDueAt: '2026-01-05T10:40:00.000Z',
    })
    const seen: string[] = []
    let cursor: string | null = null
    do {
      const res: { items: { subject: string }[]; nextCursor: string | null } = (
        await api.get(`/api/service/queues/${team.id}?limit=2${cursor ? `&cursor=${cursor}` : ''}`)
      ).body
      seen.push(...res.items.map((c) => c.subject))
      cursor = res.nextCursor
    } while (cursor)
    expect(seen).toEqual(expected)
    const withWaiting = (await api.get(`/api/service/queues/${team.id}?status=waiting_on_customer`)).body
    expect(withWaiting.items.map((c: { subject: string; paused: boolean }) => [c.subject, c.paused])).toEqual(
      [['waiting, not in the default queue', true]],
    )
    expect((await api.get(`/api/service/queues/${team.id}?status=closed`)).status).toBe(400)
    expect((await api.get(`/api/service/queues/${crypto.randomUUID()}`)).status).toBe(404)
  })

  it('measures queue health: waiting, oldest, median and expected wait', async () => {
    const ws = await t.newWorkspace()
    const api = serviceClient(t, ws.headers)
    const agent = await signIn(t, ws, { name: 'Ann Agent', role: 'agent' })
    const team = (
      await api.post('/api/service/teams', { name: 'Support', members: [{ userId: agent.userId }] })
    ).body
    const ada = (await api.post('/api/customers', { name: 'Ada' })).body
    const now = new Date(Date.now() + 60_000)
    const ids: string[] = []
    for (const m of [10, 20, 60, 90])
      ids.push(
        (
          await api.post('/api/cases', {
            channel: 'chat',
            customerId: ada.id,
            teamId: team.id,
            subject: `${m}`,
            openedAt: minutesAgo(now, m + 1),
          })
        ).body.id,
      )
    // The 90-minute case gets its answer: it leaves the waiting count and makes one answer in 24 h.
    await api.post(`/api/cases/${ids[3]}/messages`, { body: 'Hello!' })
    const h = await queueHealth(t.db, ws.workspace.id, team.id, now)
    expect(h).toMatchObject({
      waiting: 3,
      oldestWaitMinutes: 61,
      medianWaitMinutes: 21,
      actionable: 4,
      unresolved: 4,
      unassigned: 4,
      answeredLast24h: 1,
      availableAgents: 1,
    })
    // One answer a day: λ = 1/1440 per minute; 3 ahead plus the new one → 4 × 1440.
    expect(h.expectedWaitMinutes).toBe(5760)
    const all = (await api.get('/api/service/queues')).body.items
    expect(all).toHaveLength(1)
    expect(all[0]).toMatchObject({ teamName: 'Support', waiting: 3 })
    expect((await api.get(`/api/service/queues/${team.id}/health`)).body.waiting).toBe(3)
  })

  it('gives signed-in agents their own queue; a token is not a person', async () => {
    const ws = await t.newWorkspace()
    const api = serviceClient(t, ws.headers)
    const ann = await signIn(t, ws, { name: 'Ann', role: 'agent' })
    const ben = await signIn(t, ws, { name: 'Ben', role: 'agent' })
    const ada = (await api.post('/api/customers', { name: 'Ada' })).body
    const mine = (
      await api.post('/api/cases', {
        channel: 'chat',
        customerId: ada.id,
        subject: 'mine',
        assigneeId: ann.userId,
      })
    ).body
    await api.post('/api/cases', {
      channel: 'chat',
      customerId: ada.id,
      subject: 'his',
      assigneeId: ben.userId,
    })
    const free = (await api.post('/api/cases', { channel: 'chat', customerId: ada.id, subject: 'free' })).body
    const annApi = serviceClient(t, ann.headers)
    const taken = await annApi.post(`/api/cases/${free.id}/take`)
    expect(taken.body).toMatchObject({ assigneeId: ann.userId, assigneeName: 'Ann', status: 'open' })
    const queue = (await annApi.get('/api/service/my-queue')).body.items
    expect(queue.map((c: { id: string }) => c.id).sort()).toEqual([mine.id, free.id].sort())
    const token = await api.get('/api/service/my-queue')
    expect(token.status).toBe(422)
    expect(token.body.code).toBe('MY_QUEUE_NEEDS_USER')
    expect((await api.post(`/api/cases/${free.id}/take`)).status).toBe(422)
  })
})
