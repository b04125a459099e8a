import { expect, it } from 'vitest'
import { describeEachDb, type TestWorkspace } from '../../../test/test-app.js'
import { serviceClient } from '../../modules/service/service.test-helper.js'

describeEachDb('cases routes', (t) => {
  const client = (ws: TestWorkspace) => serviceClient(t, ws.headers)
  const customer = async (ws: TestWorkspace, body: object = {}) =>
    (await client(ws).post('/api/customers', { name: 'Ada Lovelace', emails: ['ada@example.com'], ...body }))
      .body

  it('walks a case through its life: reply, wait, customer answer, resolve, close, reopen', async () => {
    const ws = await t.newWorkspace()
    const api = client(ws)
    const ada = await customer(ws, { tier: 'gold' })
    const created = await api.post('/api/cases', {
      channel: 'email',
      customerId: ada.id,
      subject: 'Grinder jams',
      description: 'It stops after two seconds.',
      category: 'Repairs',
      tags: ['grinder', 'grinder'],
    })
    expect(created.status).toBe(201)
    const c = created.body
    expect(c).toMatchObject({
      number: 1,
      status: 'new',
      channel: 'email',
      requester: { kind: 'customer', customerId: ada.id, customerName: 'Ada Lovelace', department: null },
      tier: 'gold',
      urgency: 'medium',
      priority: 'normal', // built-in matrix: gold × medium
      prioritySource: 'matrix',
      tags: ['grinder'],
    })
    const url = `/api/cases/${c.id}`

    const reply = await api.post(`${url}/messages`, { body: 'Sorry to hear that. Which model is it?' })
    expect(reply.status).toBe(201)
    expect(reply.body).toMatchObject({ visibility: 'public', author: 'agent' })
    let now = (await api.get(url)).body
    expect(now.status).toBe('open')
    expect(now.sla.firstResponse.at).not.toBeNull()

    now = (await api.post(`${url}/status`, { status: 'waiting_on_customer' })).body
    expect(now.sla.paused).toBe(true)
    expect((await api.post(`${url}/messages`, { author: 'customer', body: 'The Mignon.' })).status).toBe(201)
    now = (await api.get(url)).body
    expect(now).toMatchObject({ status: 'open', sla: { paused: false } })
    expect(now.sla.nextResponse.count).toBe(0)
    expect(
      (await api.post(`${url}/messages`, { visibility: 'internal', body: 'Known burr issue' })).status,
    ).toBe(201)
    await api.post(`${url}/messages`, { body: 'A new burr is on its way.' })
    now = (await api.get(url)).body
    expect(now.sla.nextResponse.count).toBe(1)

    now = (await api.post(`${url}/status`, { status: 'resolved', reason: 'part sent' })).body
    expect(now.status).toBe('resolved')
    expect(now.resolvedAt).not.toBeNull()
    now = (await api.post(`${url}/status`, { status: 'closed' })).body
    expect(now.closedAt).not.toBeNull()
    const closedReply = await api.post(`${url}/messages`, { body: 'hello?' })
    expect(closedReply.status).toBe(409)
    expect(closedReply.body.code).toBe('CASE_CLOSED')
    expect((await api.post(`${url}/messages`, { visibility: 'internal', body: 'late note' })).status).toBe(
      201,
    )
    now = (await api.post(`${url}/status`, { status: 'open', reason: 'burr did not fit' })).body
    expect(now).toMatchObject({ status: 'open', reopenedCount: 1, resolvedAt: null, closedAt: null })

    const conversation = (await api.get(`${url}/messages`)).body.items
    expect(
      conversation.map((m: { author: string; visibility: string }) => `${m.author}/${m.visibility}`),
    ).toEqual(['agent/public', 'customer/public', 'agent/internal', 'agent/public', 'agent/internal'])
    const history = (await api.get(`${url}/history`)).body.items.map((e: { type: string }) => e.type)
    expect(history).toEqual([
      'case.opened',
      'case.replied',
      'case.status_changed',
      'case.customer_message',
      'case.note_added',
      'case.replied',
      'case.resolved',
      'case.closed',
      'case.note_added',
      'case.reopened',
    ])
    // The customer's timeline shows what the customer lived through, not the desk's notes.
    const timeline = (await api.get(`/api/customers/${ada.id}/timeline?sources=cases`)).body.items
    expect(timeline.map((i: { type: string }) => i.type)).toEqual([
      'case.reopened',
      'case.closed',
      'case.resolved',
      'case.replied',
      'case.customer_message',
      'case.replied',
      'case.opened',
    ])
    expect(timeline[0].data.caseId).toBe(c.id)
  })

  it('refuses illegal moves with 409 problems that name the allowed ones', async () => {
    const ws = await t.newWorkspace()
    const api = client(ws)
    const c = (
      await api.post('/api/cases', { channel: 'internal', department: 'Finance', subject: 'Invoice run' })
    ).body
    expect(c.requester).toMatchObject({ kind: 'internal', department: 'Finance', customerId: null })
    const res = await api.post(`/api/cases/${c.id}/status`, { status: 'closed' })
    expect(res.status).toBe(409)
    expect(res.body).toMatchObject({ code: 'CASE_TRANSITION_NOT_ALLOWED', status: 409 })
    expect(res.body.detail).toContain('open, waiting_on_customer, waiting_on_third_party, resolved')
    const same = await api.post(`/api/cases/${c.id}/status`, { status: 'new' })
    expect(same.status).toBe(409)
    const bad = await api.post(`/api/cases/${c.id}/status`, { status: 'done' })
    expect(bad.status).toBe(400)
  })

  it('validates requesters and priority overrides, and keeps overrides with their reason', async () => {
    const ws = await t.newWorkspace()
    const api = client(ws)
    const ada = await customer(ws)
    const both = await api.post('/api/cases', {
      channel: 'phone',
      customerId: ada.id,
      department: 'IT',
      subject: 'x',
    })
    expect(both.status).toBe(400)
    expect(both.body.errors[0].path).toBe('body.customerId')
    const noReason = await api.post('/api/cases', {
      channel: 'phone',
      customerId: ada.id,
      subject: 'x',
      priority: 'urgent',
    })
    expect(noReason.status).toBe(400)
    const unknown = await api.post('/api/cases', {
      channel: 'phone',
      customerId: crypto.randomUUID(),
      subject: 'x',
    })
    expect(unknown.status).toBe(400)
    expect(unknown.body).toMatchObject({ code: 'UNKNOWN_REFERENCE', errors: [{ path: 'body.customerId' }] })
    const c = (
      await api.post('/api/cases', {
        channel: 'phone',
        customerId: ada.id,
        subject: 'Machine leaks',
        urgency: 'low',
        priority: 'high',
        priorityReason: 'water near electrics',
      })
    ).body
    expect(c).toMatchObject({
      priority: 'high',
      prioritySource: 'override',
      priorityReason: 'water near electrics',
    })
    const changed = (await api.post(`/api/cases/${c.id}/priority`, { priority: 'urgent', reason: 'sparks' }))
      .body
    expect(changed).toMatchObject({
      priority: 'urgent',
      prioritySource: 'override',
      priorityReason: 'sparks',
    })
    // An overridden priority stays when the urgency changes; a matrix one follows it.
    expect((await api.patch(`/api/cases/${c.id}`, { urgency: 'critical' })).body.priority).toBe('urgent')
    const m = (await api.post('/api/cases', { channel: 'chat', customerId: ada.id, subject: 'Question' }))
      .body
    expect(m.priority).toBe('normal')
    expect((await api.patch(`/api/cases/${m.id}`, { urgency: 'critical' })).body.priority).toBe('urgent')
  })

  it('merges a duplicate: conversation moves, the duplicate closes pointing at the survivor', async () => {
    const ws = await t.newWorkspace()
    const api = client(ws)
    const ada = await customer(ws)
    const bob = await customer(ws, { name: 'Bob', emails: ['bob@example.com'] })
    const keep = (
      await api.post('/api/cases', { channel: 'email', customerId: ada.id, subject: 'Refund', tags: ['a'] })
    ).body
    const dup = (
      await api.post('/api/cases', { channel: 'chat', customerId: ada.id, subject: 'Refund?', tags: ['b'] })
    ).body
    await api.post(`/api/cases/${dup.id}/messages`, { author: 'customer', body: 'Where is my refund?' })
    const merged = await api.post(`/api/cases/${keep.id}/merge`, { duplicateId: dup.id })
    expect(merged.status).toBe(200)
    expect(merged.body.tags).toEqual(['a', 'b'])
    expect((await api.get(`/api/cases/${keep.id}/messages`)).body.items).toHaveLength(1)
    expect((await api.get(`/api/cases/${dup.id}`)).body).toMatchObject({
      status: 'closed',
      mergedIntoId: keep.id,
    })
    expect((await api.post(`/api/cases/${keep.id}/merge`, { duplicateId: dup.id })).status).toBe(409)
    expect((await api.post(`/api/cases/${dup.id}/status`, { status: 'open' })).status).toBe(409)
    const other = (await api.post('/api/cases', { channel: 'chat', customerId: bob.id, subject: 'Hi' })).body
    const refused = await api.post(`/api/cases/${keep.id}/merge`, { duplicateId: other.id })
    expect(refused.status).toBe(422)
    expect(refused.body.code).toBe('CASE_MERGE_DIFFERENT_REQUESTER')
    expect((await api.post(`/api/cases/${keep.id}/merge`, { duplicateId: keep.id })).status).toBe(400)
  })

  it('lists and filters cases, and lets viewers read but not write', async () => {
    const ws = await t.newWorkspace()
    const api = client(ws)
    const ada = await customer(ws)
    for (const subject of ['Broken cup', 'Late delivery', 'Broken lid'])
      await api.post('/api/cases', { channel: 'web_form', customerId: ada.id, subject })
    const all = (await api.get('/api/cases?limit=2')).body
    expect(all.items.map((c: { number: number }) => c.number)).toEqual([3, 2])
    const next = (await api.get(`/api/cases?limit=2&cursor=${all.nextCursor}`)).body
    expect(next.items.map((c: { number: number }) => c.number)).toEqual([1])
    expect(
      (await api.get('/api/cases?q=broken&sort=number')).body.items.map(
        (c: { subject: string }) => c.subject,
      ),
    ).toEqual(['Broken cup', 'Broken lid'])
    expect((await api.get('/api/cases?q=%232')).body.items[0].subject).toBe('Late delivery')
    expect((await api.get('/api/cases?status=new,open')).body.items).toHaveLength(3)
    expect((await api.get('/api/cases?status=resolved')).body.items).toHaveLength(0)
    expect((await api.get('/api/cases?status=nope')).status).toBe(400)
    const viewer = serviceClient(t, await ws.as('viewer'))
    expect((await viewer.get('/api/cases')).status).toBe(200)
    const denied = await viewer.post('/api/cases', { channel: 'phone', customerId: ada.id, subject: 'x' })
    expect(denied.status).toBe(403)
  })
})
