import { expect, it } from 'vitest'
import { describeEachDb } from '../../../../test/test-app.js'
import { systemActor } from '../../platform/index.js'
import { postCaseMessage } from '../cases/case-messages.js'
import { getCase } from '../cases/case-view.js'
import { changeCaseStatus } from '../cases/change-case-status.js'
import { createCase } from '../cases/create-case.js'
import { createCalendar } from '../config/calendars.js'
import { createPolicy } from '../config/sla-policies.js'
import { serviceClient } from '../service.test-helper.js'

// Every expected instant is worked out by hand from the calendar (see the sums in the comments):
// Berlin office hours Mon–Fri 09:00–17:00; Good Friday 2026-04-03 is a holiday. Summer time
// starts on Sunday 2026-03-29: 09:00 is 08:00Z before it and 07:00Z after.
const berlinOffice = {
  name: 'Berlin office',
  timezone: 'Europe/Berlin',
  hours: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, [['09:00', '17:00']]])),
  holidays: ['2026-04-03'],
}
const targets = { normal: { firstResponse: 120, nextResponse: 240, resolution: 960 } }
const at = (iso: string) => ({ now: new Date(iso) })

describeEachDb('case SLA clocks', (t) => {
  it('stores due times from the policy calendar across a daylight-saving change (HTTP)', async () => {
    const ws = await t.newWorkspace()
    const api = serviceClient(t, ws.headers)
    const cal = (await api.post('/api/service/calendars', berlinOffice)).body
    const policy = (
      await api.post('/api/service/policies', {
        name: 'Standard',
        appliesTo: 'default',
        calendarId: cal.id,
        targets,
      })
    ).body
    const ada = (await api.post('/api/customers', { name: 'Ada' })).body
    const c = (
      await api.post('/api/cases', {
        channel: 'email',
        customerId: ada.id,
        subject: 'Order',
        openedAt: '2026-03-27T15:30:00Z',
      })
    ).body
    expect(c.sla.policyId).toBe(policy.id)
    expect(c.sla.calendarId).toBe(cal.id)
    // Friday 16:30–17:00 CET = 30 min; Monday from 09:00 CEST (07:00Z) + 90 min.
    expect(c.sla.firstResponse.dueAt).toBe('2026-03-30T08:30:00.000Z')
    // 960 min: Friday 30 + Monday 480 = 510; Tuesday 09:00 CEST + 450 min = 16:30 CEST = 14:30Z.
    expect(c.sla.resolution.dueAt).toBe('2026-03-31T14:30:00.000Z')
    expect(c.sla.nextDueAt).toBe('2026-03-30T08:30:00.000Z')
    // Long past due: the case is due for the breach sweep at once.
    const row = await t.db
      .selectFrom('cases')
      .select('sla_check_at')
      .where('id', '=', c.id)
      .executeTakeFirstOrThrow()
    expect(row.sla_check_at!.getTime()).toBeLessThanOrEqual(Date.now())
  })

  it('pauses while waiting on the customer and resumes with the business time left', async () => {
    const ws = await t.newWorkspace()
    const actor = systemActor(ws.workspace.id)
    const cal = await createCalendar(t.db, actor, berlinOffice)
    await createPolicy(t.db, actor, { name: 'Standard', appliesTo: 'default', calendarId: cal.id, targets })
    const api = serviceClient(t, ws.headers)
    const ada = (await api.post('/api/customers', { name: 'Ada' })).body
    // Monday 2026-03-30 09:00 CEST.
    const c = await createCase(
      t.db,
      actor,
      { channel: 'phone', customerId: ada.id, subject: 'Leak' },
      at('2026-03-30T07:00:00Z'),
    )
    expect(c.sla.firstResponse.dueAt).toEqual(new Date('2026-03-30T09:00:00Z')) // 09:00 + 120 min = 11:00 CEST
    await postCaseMessage(t.db, actor, c.id, { body: 'Looking into it' }, at('2026-03-30T08:00:00Z'))
    // 11:00 CEST: 120 business minutes used, then waiting on the customer.
    await changeCaseStatus(t.db, actor, c.id, { status: 'waiting_on_customer' }, at('2026-03-30T09:00:00Z'))
    const paused = await getCase(t.db, ws.workspace.id, c.id)
    expect(paused.sla).toMatchObject({ paused: true, nextDueAt: null, resolution: { dueAt: null } })
    expect(paused.sla.firstResponse).toMatchObject({ at: new Date('2026-03-30T08:00:00Z'), met: true })
    // The customer answers Wednesday 14:00 CEST. 840 min left: Wednesday 180, Thursday 480,
    // Friday is a holiday, Monday 09:00 + 180 = 12:00 CEST = 10:00Z.
    await postCaseMessage(
      t.db,
      actor,
      c.id,
      { author: 'customer', body: 'Photo attached' },
      at('2026-04-01T12:00:00Z'),
    )
    const resumed = await getCase(t.db, ws.workspace.id, c.id)
    expect(resumed.status).toBe('open')
    expect(resumed.sla.paused).toBe(false)
    expect(resumed.sla.resolution.dueAt).toEqual(new Date('2026-04-06T10:00:00Z'))
    // Next response: 240 min from Wednesday 14:00 CEST: 180 that day, Thursday 09:00 + 60 = 08:00Z.
    expect(resumed.sla.nextResponse.dueAt).toEqual(new Date('2026-04-02T08:00:00Z'))
    expect(resumed.sla.nextDueAt).toEqual(new Date('2026-04-02T08:00:00Z'))
    await postCaseMessage(t.db, actor, c.id, { body: 'Technician booked' }, at('2026-04-02T07:30:00Z'))
    const answered = await getCase(t.db, ws.workspace.id, c.id)
    expect(answered.sla.nextResponse).toMatchObject({ dueAt: null, count: 1, breaches: 0 })
    expect(answered.sla.nextDueAt).toEqual(new Date('2026-04-06T10:00:00Z'))
    const resolved = await changeCaseStatus(
      t.db,
      actor,
      c.id,
      { status: 'resolved' },
      at('2026-04-06T09:59:00Z'),
    )
    expect(resolved.sla.resolution).toMatchObject({ met: true, at: new Date('2026-04-06T09:59:00Z') })
    expect(resolved.sla.nextDueAt).toBeNull()
  })

  it('counts a late answer and a late resolution as missed', async () => {
    const ws = await t.newWorkspace()
    const actor = systemActor(ws.workspace.id)
    const cal = await createCalendar(t.db, actor, berlinOffice)
    await createPolicy(t.db, actor, { name: 'Standard', appliesTo: 'default', calendarId: cal.id, targets })
    const c = await createCase(
      t.db,
      actor,
      { channel: 'internal', department: 'IT', subject: 'VPN' },
      at('2026-03-30T07:00:00Z'),
    )
    // Internal requests fall back to the default policy when there is no internal one.
    expect(c.sla.resolution.dueAt).not.toBeNull()
    await postCaseMessage(t.db, actor, c.id, { body: 'On it' }, at('2026-03-30T09:00:01Z'))
    const done = await changeCaseStatus(t.db, actor, c.id, { status: 'resolved' }, at('2026-04-01T07:00:00Z'))
    // First response due 09:00Z, answered a second late; 960 min from Monday 09:00 = Tuesday 17:00 CEST.
    expect(done.sla.firstResponse.met).toBe(false)
    expect(done.sla.resolution).toMatchObject({ dueAt: new Date('2026-03-31T15:00:00Z'), met: false })
  })

  it('chooses the policy of the customer tier, the internal policy, and the workspace priority matrix', async () => {
    const ws = await t.newWorkspace()
    const api = serviceClient(t, ws.headers)
    const gold = (
      await api.post('/api/service/policies', {
        name: 'Gold',
        appliesTo: 'tier',
        tier: 'gold',
        targets: { urgent: { firstResponse: 15, resolution: 240 }, normal: { firstResponse: 60 } },
      })
    ).body
    const internal = (
      await api.post('/api/service/policies', {
        name: 'Internal',
        appliesTo: 'internal',
        targets: { normal: { resolution: 2400 } },
      })
    ).body
    await api.post('/api/service/policies', { name: 'Default', appliesTo: 'default', targets })
    const dupe = await api.post('/api/service/policies', {
      name: 'Gold again',
      appliesTo: 'tier',
      tier: 'gold',
      targets,
    })
    expect(dupe.status).toBe(409)
    const settings = await api.patch('/api/service/settings', {
      priorityMatrix: { gold: { low: 'urgent', medium: 'urgent', high: 'urgent', critical: 'urgent' } },
    })
    expect(settings.status).toBe(200)
    const vip = (await api.post('/api/customers', { name: 'Vip', tier: 'gold' })).body
    const c = (
      await api.post('/api/cases', {
        channel: 'phone',
        customerId: vip.id,
        subject: 'x',
        urgency: 'low',
        openedAt: '2026-01-05T10:00:00Z',
      })
    ).body
    expect(c).toMatchObject({
      priority: 'urgent',
      tier: 'gold',
      sla: { policyId: gold.id, calendarId: null },
    })
    // No calendar: the clock runs round the clock.
    expect(c.sla.firstResponse.dueAt).toBe('2026-01-05T10:15:00.000Z')
    expect(c.sla.resolution.dueAt).toBe('2026-01-05T14:00:00.000Z')
    const dept = (
      await api.post('/api/cases', {
        channel: 'internal',
        department: 'HR',
        subject: 'y',
        openedAt: '2026-01-05T10:00:00Z',
      })
    ).body
    expect(dept.sla.policyId).toBe(internal.id)
    expect(dept.sla.firstResponse.dueAt).toBeNull()
    expect(dept.sla.resolution.dueAt).toBe('2026-01-07T02:00:00.000Z') // 2400 min = 40 h
    // A new priority takes that priority's targets: urgent has 15 min, normal 60.
    const lowered = (
      await api.post(`/api/cases/${c.id}/priority`, { priority: 'normal', reason: 'not really urgent' })
    ).body
    expect(lowered.sla.firstResponse.dueAt).toBe('2026-01-05T11:00:00.000Z')
    expect(lowered.sla.resolution.dueAt).toBeNull()
  })

  it('validates calendars and policies with field paths', async () => {
    const ws = await t.newWorkspace()
    const api = serviceClient(t, ws.headers)
    const bad = await api.post('/api/service/calendars', {
      name: 'x',
      timezone: 'Mars/Base',
      hours: { mon: [['17:00', '09:00']] },
    })
    expect(bad.status).toBe(400)
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toEqual(
      expect.arrayContaining(['body.timezone', 'body.hours.mon.0']),
    )
    const closed = await api.post('/api/service/calendars', { name: 'x', timezone: 'UTC', hours: {} })
    expect(closed.status).toBe(400)
    const noTier = await api.post('/api/service/policies', { name: 'p', appliesTo: 'tier', targets: {} })
    expect(noTier.status).toBe(400)
    expect(noTier.body.errors[0].path).toBe('body.tier')
    const unknownCal = await api.post('/api/service/policies', {
      name: 'p',
      appliesTo: 'default',
      calendarId: crypto.randomUUID(),
      targets: {},
    })
    expect(unknownCal.status).toBe(400)
    expect(unknownCal.body.errors[0].path).toBe('body.calendarId')
    const agent = serviceClient(t, await ws.as('agent'))
    expect((await agent.post('/api/service/calendars', berlinOffice)).status).toBe(403)
    expect((await agent.get('/api/service/calendars')).status).toBe(200)
  })
})
