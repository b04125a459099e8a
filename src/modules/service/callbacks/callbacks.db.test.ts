import { expect, it } from 'vitest'
import { describeEachDb } from '../../../../test/test-app.js'
import { systemActor } from '../../platform/index.js'
import { getCase } from '../cases/case-view.js'
import { serviceClient } from '../service.test-helper.js'
import { completeCallback } from './callbacks.js'
import { sweepCallbacks } from './sweep-callbacks.js'

// Opening hours Mon–Fri 08:00–16:00 UTC. The tests book slots on the first Monday at least two days
// ahead (slots must lie in the future), so every instant below is that Monday plus a fixed time.
const office = Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, [['08:00', '16:00']]]))
const monday = (() => {
  const d = new Date(Date.now() + 2 * 86_400_000)
  d.setUTCHours(0, 0, 0, 0)
  while (d.getUTCDay() !== 1) d.setUTCDate(d.getUTCDate() + 1)
  return d.toISOString().slice(0, 10)
})()
const saturday = new Date(Date.parse(`${monday}T00:00:00Z`) - 2 * 86_400_000).toISOString().slice(0, 10)
const on = (time: string, date = monday) => `${date}T${time}:00Z`
const iso = (time: string) => `${monday}T${time}:00.000Z`

describeEachDb('callbacks', (t) => {
  async function setup() {
    const ws = await t.newWorkspace()
    const api = serviceClient(t, ws.headers)
    const cal = (await api.post('/api/service/calendars', { name: 'Berlin', timezone: 'UTC', hours: office }))
      .body
    const team = (await api.post('/api/service/teams', { name: 'Phones', calendarId: cal.id })).body
    await api.patch('/api/service/settings', { callbacks: { slotMinutes: 30, slotCapacity: 1 } })
    const ada = (await api.post('/api/customers', { name: 'Ada', phones: ['+49 30 1234567'] })).body
    const open = async () =>
      (
        await api.post('/api/cases', {
          channel: 'phone',
          customerId: ada.id,
          teamId: team.id,
          subject: 'Call me',
        })
      ).body
    return { ws, api, team, ada, open }
  }

  it('offers slots inside opening hours and books them up to capacity', async () => {
    const { api, team, open } = await setup()
    const slots = (await api.get(`/api/service/callbacks/slots?team=${team.id}&from=${on('00:00')}&days=1`))
      .body
    expect(slots).toMatchObject({ teamId: team.id, slotMinutes: 30, capacity: 1 })
    expect(slots.slots).toHaveLength(16) // 8 hours of half hours
    expect(slots.slots[0]).toEqual({ start: iso('08:00'), end: iso('08:30'), available: 1 })
    expect(slots.slots.at(-1).start).toBe(iso('15:30'))
    const c1 = await open()
    const booked = await api.post(`/api/cases/${c1.id}/callbacks`, {
      slotStart: on('08:00'),
      note: 'after 9',
    })
    expect(booked.status).toBe(201)
    expect(booked.body).toMatchObject({
      caseNumber: c1.number,
      phone: '+49301234567',
      slotEnd: iso('08:30'),
      bookedBy: 'agent',
      status: 'scheduled',
    })
    const after = (await api.get(`/api/service/callbacks/slots?team=${team.id}&from=${on('00:00')}&days=1`))
      .body
    expect(after.slots[0].available).toBe(0)
    const c2 = await open()
    const full = await api.post(`/api/cases/${c2.id}/callbacks`, { slotStart: on('08:00') })
    expect(full.status).toBe(409)
    expect(full.body.code).toBe('CALLBACK_SLOT_FULL')
    for (const slotStart of [on('15:45'), on('10:00', saturday), '2020-01-06T10:00:00Z']) {
      const closed = await api.post(`/api/cases/${c2.id}/callbacks`, { slotStart }) // past closing, Saturday, past
      expect(closed.status, slotStart).toBe(422)
      expect(closed.body.code).toBe('CALLBACK_SLOT_CLOSED')
    }
    const internal = (await api.post('/api/cases', { channel: 'internal', department: 'IT', subject: 'x' }))
      .body
    const noPhone = await api.post(`/api/cases/${internal.id}/callbacks`, { slotStart: on('09:00') })
    expect(noPhone.status).toBe(400)
    expect(noPhone.body.errors[0].path).toBe('body.phone')
    // The queue: promises in the order they fall due.
    await api.post(`/api/cases/${c2.id}/callbacks`, { slotStart: on('10:00') })
    await api.post(`/api/cases/${internal.id}/callbacks`, { slotStart: on('09:00'), phone: '+49 30 555' })
    const queue = (await api.get('/api/service/callbacks')).body.items
    expect(queue.map((b: { slotStart: string }) => b.slotStart)).toEqual([
      iso('08:00'),
      iso('09:00'),
      iso('10:00'),
    ])
  })

  it('counts a call as an answer, and a missed or late promise as a breach with escalation', async () => {
    const { ws, api, ada, open } = await setup()
    const actor = systemActor(ws.workspace.id)
    const kept = await open()
    const missed = await open()
    const late = await open()
    const b1 = (await api.post(`/api/cases/${kept.id}/callbacks`, { slotStart: on('08:00') })).body
    const b2 = (await api.post(`/api/cases/${missed.id}/callbacks`, { slotStart: on('08:30') })).body
    const b3 = (await api.post(`/api/cases/${late.id}/callbacks`, { slotStart: on('09:00') })).body
    const done = await completeCallback(
      t.db,
      actor,
      b1.id,
      { outcome: 'Fixed on the phone' },
      { now: new Date(on('08:10')) },
    )
    expect(done).toMatchObject({ status: 'completed', outcome: 'Fixed on the phone' })
    const answered = await getCase(t.db, ws.workspace.id, kept.id)
    expect(answered.sla.firstResponse.at).toEqual(new Date(on('08:10')))
    expect(answered.sla.breached).toEqual([])

    // The sweep sees every workspace of this database; what matters is what it did to this one.
    expect(await sweepCallbacks(t.db, new Date(on('09:00')))).toBeGreaterThanOrEqual(1)
    expect(await sweepCallbacks(t.db, new Date(`${monday}T09:00:30Z`))).toBe(0)
    expect((await api.get(`/api/service/callbacks/${b3.id}`)).body.status).toBe('scheduled')
    const m = await getCase(t.db, ws.workspace.id, missed.id)
    expect(m.sla.breached).toEqual([`callback:${b2.id}`])
    expect(m.escalationLevel).toBe(1)
    expect((await api.get(`/api/service/callbacks/${b2.id}`)).body.status).toBe('missed')
    const timeline = (await api.get(`/api/customers/${ada.id}/timeline?types=case.callback_*`)).body.items
    expect(timeline.map((i: { type: string }) => i.type).sort()).toEqual([
      'case.callback_booked',
      'case.callback_booked',
      'case.callback_booked',
      'case.callback_completed',
      'case.callback_missed',
    ])
    // Called after the window but before the sweep noticed: still a breach, not an escalation.
    const lateCall = await completeCallback(
      t.db,
      actor,
      b3.id,
      { outcome: 'Reached her' },
      { now: new Date(on('09:31')) },
    )
    expect(lateCall.status).toBe('completed')
    expect((await getCase(t.db, ws.workspace.id, late.id)).sla.breached).toEqual([`callback:${b3.id}`])
    expect((await api.post(`/api/service/callbacks/${b3.id}/cancel`, {})).status).toBe(409)
  })

  it('cancels a scheduled callback and frees its slot', async () => {
    const { api, team, open } = await setup()
    const c = await open()
    const b = (await api.post(`/api/cases/${c.id}/callbacks`, { slotStart: on('08:00') })).body
    const cancelled = await api.post(`/api/service/callbacks/${b.id}/cancel`, {
      reason: 'customer called in',
    })
    expect(cancelled.body).toMatchObject({ status: 'cancelled', outcome: 'customer called in' })
    const slots = (await api.get(`/api/service/callbacks/slots?team=${team.id}&from=${on('00:00')}&days=1`))
      .body
    expect(slots.slots[0].available).toBe(1)
    expect((await api.get('/api/service/callbacks?status=cancelled')).body.items).toHaveLength(1)
  })
})
