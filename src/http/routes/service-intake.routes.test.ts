import { expect, it } from 'vitest'
import { describeEachDb } from '../../../test/test-app.js'
import { serviceClient } from '../../modules/service/service.test-helper.js'

describeEachDb('public intake form', (t) => {
  it('is closed until enabled, then opens cases for new and known customers with a callback', async () => {
    const ws = await t.newWorkspace()
    const api = serviceClient(t, ws.headers)
    const slug = ws.workspace.slug
    const anon = serviceClient(t, {})
    expect((await anon.get(`/api/public/intake/${slug}`)).status).toBe(404)
    expect((await anon.get('/api/public/intake/no-such-workspace')).status).toBe(404)
    const team = (await api.post('/api/service/teams', { name: 'Front desk' })).body
    await api.patch('/api/service/settings', {
      intake: { enabled: true, teamId: team.id, categories: ['Orders', 'Repairs'] },
      callbacks: { slotMinutes: 30, slotCapacity: 1 },
    })
    const form = (await anon.get(`/api/public/intake/${slug}`)).body
    expect(form).toEqual({
      workspace: `Workspace ${slug}`,
      categories: ['Orders', 'Repairs'],
      callbacks: { offered: true, slotMinutes: 30 },
    })
    const slots = (await anon.get(`/api/public/intake/${slug}/callback-slots?days=1`)).body.slots
    expect(slots.length).toBeGreaterThan(40) // round the clock without a calendar: 47 or 48 half hours
    const first = await anon.post(`/api/public/intake/${slug}/cases`, {
      name: 'Grace Hopper',
      email: 'Grace@Example.com',
      phone: '+1 555 0100',
      subject: 'Order never arrived',
      description: 'Ordered on Monday.',
      category: 'orders',
      callbackAt: slots[1].start,
    })
    expect(first.status).toBe(201)
    expect(first.body).toEqual({
      caseNumber: 1,
      callback: { slotStart: slots[1].start, slotEnd: slots[1].end },
    })
    const second = await anon.post(`/api/public/intake/${slug}/cases`, {
      name: 'G. Hopper',
      email: 'grace@example.com',
      subject: 'And a refund?',
    })
    expect(second.body).toEqual({ caseNumber: 2, callback: null })
    const grace = (await api.get('/api/customers?q=grace@example.com')).body.items
    expect(grace).toHaveLength(1)
    expect(grace[0]).toMatchObject({ name: 'Grace Hopper', lifecycleStage: 'lead', phones: ['+15550100'] })
    const cases = (await api.get(`/api/cases?customer=${grace[0].id}&sort=number`)).body.items
    expect(
      cases.map((c: { channel: string; teamId: string; category: string | null }) => [
        c.channel,
        c.teamId,
        c.category,
      ]),
    ).toEqual([
      ['web_form', team.id, 'Orders'],
      ['web_form', team.id, null],
    ])
    const taken = await anon.post(`/api/public/intake/${slug}/cases`, {
      name: 'X',
      email: 'x@example.com',
      subject: 'x',
      phone: '+1 555 0199',
      callbackAt: slots[1].start,
    })
    expect(taken.status).toBe(409)
    const badCategory = await anon.post(`/api/public/intake/${slug}/cases`, {
      name: 'X',
      email: 'x@example.com',
      subject: 'x',
      category: 'Other',
    })
    expect(badCategory.status).toBe(400)
    expect(badCategory.body.errors[0].path).toBe('body.category')
  })

  it('limits submissions per client address', async () => {
    const ws = await t.newWorkspace()
    const api = serviceClient(t, ws.headers)
    await api.patch('/api/service/settings', { intake: { enabled: true } })
    const anon = serviceClient(t, {})
    const statuses: number[] = []
    for (let i = 0; i < 11; i++)
      statuses.push(
        (
          await anon.post(`/api/public/intake/${ws.workspace.slug}/cases`, {
            name: 'Spam',
            email: `s${i}@example.com`,
            subject: 'hi',
          })
        ).status,
      )
    expect(statuses.slice(0, 10).every((s) => s === 201)).toBe(true)
    expect(statuses[10]).toBe(429)
  })
})
