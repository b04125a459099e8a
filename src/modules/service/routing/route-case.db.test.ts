import { expect, it } from 'vitest'
import { describeEachDb, type TestWorkspace } from '../../../../test/test-app.js'
import { serviceClient } from '../service.test-helper.js'

describeEachDb('routing and assignment rules', (t) => {
  async function setup(ws: TestWorkspace) {
    const api = serviceClient(t, ws.headers)
    const agents: string[] = []
    for (const name of ['Ann', 'Ben', 'Cat']) {
      const res = await api.post('/api/users', {
        email: `${name.toLowerCase()}@${ws.workspace.slug}.test`,
        name,
        role: 'agent',
        password: 'long enough password',
      })
      agents.push(res.body.id)
    }
    const customer = (await api.post('/api/customers', { name: 'Ada', ownerId: agents[2] })).body
    const open = (body: object) =>
      api.post('/api/cases', { channel: 'email', customerId: customer.id, subject: 'Help', ...body })
    return { api, agents, customer, open }
  }

  it('hands cases out round robin: whoever waited longest gets the next one', async () => {
    const ws = await t.newWorkspace()
    const { api, agents, open } = await setup(ws)
    const team = (
      await api.post('/api/service/teams', { name: 'Support', members: agents.map((userId) => ({ userId })) })
    ).body
    await api.post('/api/service/routing-rules', { name: 'All', teamId: team.id, strategy: 'round_robin' })
    const assignees: string[] = []
    for (let i = 0; i < 6; i++) {
      const c = (await open({})).body
      expect(c.teamId).toBe(team.id)
      assignees.push(c.assigneeId)
    }
    expect(new Set(assignees.slice(0, 3)).size).toBe(3)
    expect(assignees.slice(3)).toEqual(assignees.slice(0, 3))
    const opened = (await api.get(`/api/cases/${(await open({})).body.id}/history`)).body.items[0]
    expect(opened.data).toMatchObject({ routedBy: 'round_robin', teamId: team.id })
  })

  it('prefers skilled members, the key-account owner, and the least loaded', async () => {
    const ws = await t.newWorkspace()
    const { api, agents, open } = await setup(ws)
    const [ann, ben, cat] = agents as [string, string, string]
    const team = (
      await api.post('/api/service/teams', {
        name: 'Repairs',
        members: [{ userId: ann, skills: ['Grinder'] }, { userId: ben }, { userId: cat }],
      })
    ).body
    await api.post('/api/service/routing-rules', {
      name: 'Grinders',
      position: 1,
      match: { categories: ['grinder'] },
      teamId: team.id,
      strategy: 'round_robin',
      useSkills: true,
    })
    await api.post('/api/service/routing-rules', {
      name: 'Key accounts',
      position: 2,
      match: { channels: ['phone'] },
      teamId: team.id,
      strategy: 'round_robin',
      keyAccountFirst: true,
    })
    await api.post('/api/service/routing-rules', {
      name: 'Chats by load',
      position: 3,
      match: { channels: ['chat'] },
      teamId: team.id,
      strategy: 'least_loaded',
    })
    for (let i = 0; i < 3; i++) expect((await open({ category: 'grinder' })).body.assigneeId).toBe(ann)
    // The owner of the customer's account gets the phone call, whoever is next in the rotation.
    expect((await open({ channel: 'phone' })).body.assigneeId).toBe(cat)
    // Ann has 3 open cases, Cat 1, Ben none.
    expect((await open({ channel: 'chat' })).body.assigneeId).toBe(ben)
    expect((await open({ channel: 'chat' })).body.assigneeId).toBe(cat)
    // Unavailable skilled members fall back to the others; a ceiling on open cases is respected.
    await api.patch(`/api/service/teams/${team.id}`, {
      members: [
        { userId: ann, skills: ['grinder'], available: false },
        { userId: ben, maxOpen: 1 },
        { userId: cat },
      ],
    })
    expect((await open({ category: 'grinder' })).body.assigneeId).toBe(cat)
  })

  it('queues cases without an assignee for manual rules, unmatched cases and given teams', async () => {
    const ws = await t.newWorkspace()
    const { api, agents, open } = await setup(ws)
    const triage = (await api.post('/api/service/teams', { name: 'Triage' })).body
    const billing = (
      await api.post('/api/service/teams', { name: 'Billing', members: [{ userId: agents[0] }] })
    ).body
    await api.post('/api/service/routing-rules', {
      name: 'Invoices',
      match: { categories: ['invoice'] },
      teamId: billing.id,
      strategy: 'manual',
    })
    expect((await open({ category: 'invoice' })).body).toMatchObject({ teamId: billing.id, assigneeId: null })
    // No rule matches and no default team: neither team nor assignee.
    expect((await open({ category: 'other' })).body).toMatchObject({ teamId: null, assigneeId: null })
    await api.patch('/api/service/settings', { defaultTeamId: triage.id })
    expect((await open({ category: 'other' })).body).toMatchObject({ teamId: triage.id, assigneeId: null })
    // Given team and assignee win over the rules.
    expect(
      (await open({ category: 'invoice', teamId: triage.id, assigneeId: agents[1] })).body,
    ).toMatchObject({
      teamId: triage.id,
      assigneeId: agents[1],
    })
    const unknown = await open({ assigneeId: crypto.randomUUID() })
    expect(unknown.status).toBe(400)
    expect(unknown.body.errors[0].path).toBe('body.assigneeId')
    const badRule = await api.post('/api/service/routing-rules', {
      name: 'x',
      teamId: crypto.randomUUID(),
      strategy: 'manual',
    })
    expect(badRule.status).toBe(400)
  })
})
