import { expect, it } from 'vitest'
import { describeEachDb } from '../../../../test/test-app.js'
import { systemActor } from '../../platform/index.js'
import { postCaseMessage } from '../cases/case-messages.js'
import { changeCaseStatus } from '../cases/change-case-status.js'
import { createCase } from '../cases/create-case.js'
import { createPolicy } from '../config/sla-policies.js'
import { sweepSla } from '../escalation/sweep-sla.js'
import { serviceClient, signIn } from '../service.test-helper.js'

const at = (iso: string) => ({ now: new Date(iso) })

describeEachDb('SLA attainment report', (t) => {
  it('counts met and missed targets by tier, team and agent', async () => {
    const ws = await t.newWorkspace()
    const actor = systemActor(ws.workspace.id)
    const api = serviceClient(t, ws.headers)
    const ann = await signIn(t, ws, { name: 'Ann', role: 'agent' })
    const team = (await api.post('/api/service/teams', { name: 'Support' })).body
    // Round the clock, normal priority: answer within 60 min, resolve within 600.
    await createPolicy(t.db, actor, {
      name: 'Default',
      appliesTo: 'default',
      targets: { normal: { firstResponse: 60, resolution: 600 } },
    })
    const gold = (await api.post('/api/customers', { name: 'Gold', tier: 'silver' })).body
    const plain = (await api.post('/api/customers', { name: 'Plain' })).body
    const open = (customerId: string, when: string, extra: object = {}) =>
      createCase(
        t.db,
        actor,
        { channel: 'email', customerId, subject: 'x', teamId: team.id, ...extra },
        at(when),
      )
    // Silver (medium → normal): one case on time, one late on both clocks.
    const good = await open(gold.id, '2026-03-02T08:00:00Z', { assigneeId: ann.userId })
    await postCaseMessage(t.db, actor, good.id, { body: 'hi' }, at('2026-03-02T08:30:00Z'))
    await changeCaseStatus(t.db, actor, good.id, { status: 'resolved' }, at('2026-03-02T12:00:00Z'))
    const bad = await open(gold.id, '2026-03-03T08:00:00Z', { assigneeId: ann.userId })
    await postCaseMessage(t.db, actor, bad.id, { body: 'hi' }, at('2026-03-03T09:30:00Z'))
    await changeCaseStatus(t.db, actor, bad.id, { status: 'resolved' }, at('2026-03-04T08:00:00Z'))
    // No tier: still open and breached on first response (counted as missed); another not measured yet.
    await open(plain.id, '2026-03-05T08:00:00Z')
    await sweepSla(t.db, new Date('2026-03-05T09:00:00Z'))
    await open(plain.id, '2026-03-05T08:55:00Z', { urgency: 'low' }) // low has no targets
    const report = (
      await api.get(
        '/api/service/reports/attainment?groupBy=tier&from=2026-03-01T00:00:00Z&to=2026-04-01T00:00:00Z',
      )
    ).body
    expect(report.total).toMatchObject({
      cases: 4,
      resolved: 2,
      breachedCases: 1,
      firstResponse: { met: 1, missed: 2, attainment: 0.3333 },
      resolution: { met: 1, missed: 1, attainment: 0.5 },
    })
    const byTier = Object.fromEntries(report.rows.map((r: { label: string }) => [r.label, r]))
    expect(byTier.silver).toMatchObject({
      key: 'silver',
      cases: 2,
      firstResponse: { met: 1, missed: 1, attainment: 0.5 },
      resolution: { met: 1, missed: 1 },
      medianFirstResponseMinutes: 60, // answers after 30 and 90 minutes
    })
    expect(byTier['no tier']).toMatchObject({
      key: null,
      cases: 2,
      firstResponse: { met: 0, missed: 1, attainment: 0 },
    })
    const byAgent = (
      await api.get(
        '/api/service/reports/attainment?groupBy=agent&from=2026-03-01T00:00:00Z&to=2026-04-01T00:00:00Z',
      )
    ).body.rows
    expect(byAgent.map((r: { label: string; cases: number }) => [r.label, r.cases])).toEqual([
      ['Ann', 2],
      ['unassigned', 2],
    ])
    const byTeam = (
      await api.get(
        '/api/service/reports/attainment?groupBy=team&from=2026-03-01T00:00:00Z&to=2026-04-01T00:00:00Z',
      )
    ).body.rows
    expect(byTeam).toMatchObject([{ key: team.id, label: 'Support', cases: 4 }])
    const empty = (
      await api.get('/api/service/reports/attainment?from=2020-01-01T00:00:00Z&to=2020-02-01T00:00:00Z')
    ).body
    expect(empty.total).toMatchObject({ cases: 0, firstResponse: { attainment: null } })
    expect(empty.rows).toEqual([])
  })
})
