import { expect, it } from 'vitest'
import { describeEachDb } from '../../../../test/test-app.js'
import { JobRunner } from '../../jobs/index.js'
import { systemActor } from '../../platform/index.js'
import { postCaseMessage } from '../cases/case-messages.js'
import { getCase } from '../cases/case-view.js'
import { createCase } from '../cases/create-case.js'
import { createPolicy } from '../config/sla-policies.js'
import { serviceClient, signIn } from '../service.test-helper.js'
import { serviceJobs } from '../service-jobs.js'
import { sweepSla } from './sweep-sla.js'

const at = (iso: string) => new Date(iso)

describeEachDb('SLA breach sweep and escalation', (t) => {
  it('warns at 80 % of a target, breaches at the due time, escalates once and notifies the manager', async () => {
    const ws = await t.newWorkspace()
    const actor = systemActor(ws.workspace.id)
    const api = serviceClient(t, ws.headers)
    const maya = await signIn(t, ws, { name: 'Maya Manager', role: 'manager' })
    const ann = await signIn(t, ws, { name: 'Ann Agent', role: 'agent' })
    const team = (await api.post('/api/service/teams', { name: 'Support', managerId: maya.userId })).body
    // Round the clock: the due time is the opening plus the target.
    await createPolicy(t.db, actor, {
      name: 'Default',
      appliesTo: 'default',
      targets: {
        normal: { firstResponse: 60, resolution: 600 },
        high: { firstResponse: 30, resolution: 240 },
      },
    })
    const ada = (await api.post('/api/customers', { name: 'Ada' })).body
    const c = await createCase(
      t.db,
      actor,
      {
        channel: 'email',
        customerId: ada.id,
        subject: 'Late parcel',
        teamId: team.id,
        assigneeId: ann.userId,
      },
      { now: at('2026-02-02T10:00:00Z') },
    )
    expect(c.priority).toBe('normal')
    // Nothing due before 80 % of the first-response target (48 min).
    expect((await sweepSla(t.db, at('2026-02-02T10:47:00Z'))).checked).toBe(0)
    const warned = await sweepSla(t.db, at('2026-02-02T10:48:00Z'))
    expect(warned).toMatchObject({ warnings: 1, breaches: 0 })
    expect((await sweepSla(t.db, at('2026-02-02T10:50:00Z'))).checked).toBe(0) // warned once only
    const breached = await sweepSla(t.db, at('2026-02-02T11:00:00Z'))
    expect(breached).toMatchObject({ breaches: 1, escalations: 1 })
    const after = await getCase(t.db, ws.workspace.id, c.id)
    expect(after).toMatchObject({ priority: 'high', prioritySource: 'escalation', escalationLevel: 1 })
    expect(after.sla.breached).toEqual(['first_response'])
    // The high targets now apply: resolution 240 min from 10:00.
    expect(after.sla.resolution.dueAt).toEqual(at('2026-02-02T14:00:00Z'))
    expect((await sweepSla(t.db, at('2026-02-02T11:01:00Z'))).checked).toBe(0)

    const history = (await api.get(`/api/cases/${c.id}/history`)).body.items
    const warning = history.find((e: { type: string }) => e.type === 'case.sla_warning')
    expect(warning.data).toMatchObject({ clock: 'first_response', notify: [ann.userId] })
    const escalated = history.find((e: { type: string }) => e.type === 'case.escalated')
    expect(escalated.data).toMatchObject({ from: 'normal', to: 'high', level: 1, notify: [maya.userId] })
    const mine = (await serviceClient(t, maya.headers).get('/api/service/alerts?mine=true')).body.items
    expect(mine.map((a: { type: string }) => a.type)).toEqual(['case.escalated'])
    const all = (await api.get('/api/service/alerts')).body.items
    expect(all.map((a: { type: string }) => a.type)).toEqual([
      'case.escalated',
      'case.sla_breached',
      'case.sla_warning',
    ])
    const timeline = (await api.get(`/api/customers/${ada.id}/timeline?types=case.sla_breached`)).body.items
    expect(timeline).toHaveLength(1)

    // Answering late records the miss; the resolution clock goes on to its own breach.
    await postCaseMessage(
      t.db,
      actor,
      c.id,
      { body: 'Sorry for the wait' },
      { now: at('2026-02-02T11:30:00Z') },
    )
    expect((await getCase(t.db, ws.workspace.id, c.id)).sla.firstResponse.met).toBe(false)
    const late = await sweepSla(t.db, at('2026-02-02T14:00:00Z'))
    expect(late).toMatchObject({ breaches: 1, escalations: 1 })
    const twice = await getCase(t.db, ws.workspace.id, c.id)
    expect(twice).toMatchObject({ priority: 'urgent', escalationLevel: 2 })
    expect(twice.sla.breached.sort()).toEqual(['first_response', 'resolution'])
  })

  it('runs as a background job through pg-boss', async () => {
    const ws = await t.newWorkspace()
    const api = serviceClient(t, ws.headers)
    await api.post('/api/service/policies', {
      name: 'Default',
      appliesTo: 'default',
      targets: { normal: { firstResponse: 60 } },
    })
    const ada = (await api.post('/api/customers', { name: 'Ada' })).body
    const openedAt = new Date(Date.now() - 2 * 3600_000).toISOString()
    const c = (
      await api.post('/api/cases', { channel: 'phone', customerId: ada.id, subject: 'Overdue', openedAt })
    ).body
    const runner = new JobRunner({ db: t.db, raw: t.app.raw, pollingIntervalSeconds: 0.5 })
    for (const job of serviceJobs) runner.define(job)
    await runner.start() // a periodic job is sent once at start
    try {
      const end = Date.now() + 20_000
      let now = c
      while (now.escalationLevel === 0 && Date.now() < end) {
        await new Promise((r) => setTimeout(r, 100))
        now = (await api.get(`/api/cases/${c.id}`)).body
      }
      expect(now).toMatchObject({
        escalationLevel: 1,
        priority: 'high',
        sla: { breached: ['first_response'] },
      })
    } finally {
      await runner.stop()
    }
  })
})
