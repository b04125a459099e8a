import { expect, it } from 'vitest'
import { describeEachDb } from '../../../test/test-app.js'
import { serviceClient, signIn } from '../../modules/service/service.test-helper.js'

describeEachDb('playbooks, macros and handled-case costs', (t) => {
  it('shows the playbook of the category and refuses to resolve before the required steps', async () => {
    const ws = await t.newWorkspace()
    const api = serviceClient(t, ws.headers)
    const playbook = (
      await api.post('/api/service/playbooks', {
        name: 'Grinder repair',
        category: 'Repairs',
        steps: [
          { id: 'serial', title: 'Check the serial number', kind: 'check', required: true },
          { title: 'Apologise for the trouble', kind: 'say' },
          { id: 'ship', title: 'Send a replacement burr', kind: 'do', required: true },
        ],
      })
    ).body
    expect(playbook.steps.map((s: { id: string }) => s.id)).toEqual([
      'serial',
      expect.stringMatching(/^s-/),
      'ship',
    ])
    expect(
      (
        await api.post('/api/service/playbooks', {
          name: 'x',
          category: 'repairs',
          steps: [{ title: 'a', kind: 'do' }],
        })
      ).status,
    ).toBe(409)
    const ada = (await api.post('/api/customers', { name: 'Ada' })).body
    const c = (
      await api.post('/api/cases', {
        channel: 'email',
        customerId: ada.id,
        subject: 'Jams',
        category: 'repairs',
      })
    ).body
    const progress = (await api.get(`/api/cases/${c.id}/playbook`)).body
    expect(progress).toMatchObject({ playbookId: playbook.id, name: 'Grinder repair', requiredRemaining: 2 })
    const refused = await api.post(`/api/cases/${c.id}/status`, { status: 'resolved' })
    expect(refused.status).toBe(422)
    expect(refused.body.code).toBe('PLAYBOOK_INCOMPLETE')
    expect(refused.body.errors.map((e: { path: string }) => e.path)).toEqual([
      'playbook.steps.serial',
      'playbook.steps.ship',
    ])
    expect(
      (await api.post(`/api/cases/${c.id}/playbook/steps/serial`, { done: true })).body.requiredRemaining,
    ).toBe(1)
    expect((await api.post(`/api/cases/${c.id}/playbook/steps/nope`, { done: true })).status).toBe(404)
    // Editing the playbook keeps the progress of steps that keep their id.
    await api.put(`/api/service/playbooks/${playbook.id}`, {
      name: 'Grinder repair',
      category: 'Repairs',
      steps: [
        { id: 'serial', title: 'Check the serial number and model', kind: 'check', required: true },
        { id: 'ship', title: 'Send a replacement burr', kind: 'do', required: true },
      ],
    })
    const kept = (await api.get(`/api/cases/${c.id}/playbook`)).body
    expect(kept.steps.map((s: { id: string; done: boolean }) => [s.id, s.done])).toEqual([
      ['serial', true],
      ['ship', false],
    ])
    await api.post(`/api/cases/${c.id}/playbook/steps/ship`, {})
    expect((await api.post(`/api/cases/${c.id}/status`, { status: 'resolved' })).status).toBe(200)
    const other = (await api.post('/api/cases', { channel: 'email', customerId: ada.id, subject: 'Other' }))
      .body
    expect((await api.get(`/api/cases/${other.id}/playbook`)).body).toEqual({
      playbookId: null,
      name: null,
      steps: [],
      requiredRemaining: 0,
    })
  })

  it('fills macro variables for the case and the agent, and applies the macro status', async () => {
    const ws = await t.newWorkspace()
    const api = serviceClient(t, ws.headers)
    const bad = await api.post('/api/service/macros', { name: 'x', body: 'Hi {{customer.nmae}}' })
    expect(bad.status).toBe(400)
    expect(bad.body).toMatchObject({ code: 'UNKNOWN_MACRO_VARIABLE', errors: [{ path: 'body.body' }] })
    const macro = (
      await api.post('/api/service/macros', {
        name: 'Ask for the model',
        body: 'Hi {{customer.firstName}}, this is {{agent.name}} about case #{{case.number}} ({{case.subject}}). Which model is it?',
        category: 'repairs',
        setStatus: 'waiting_on_customer',
      })
    ).body
    await api.post('/api/service/macros', { name: 'Thanks', body: 'Thank you, {{customer.name}}!' })
    await api.post('/api/service/macros', {
      name: 'Billing',
      body: 'About your invoice',
      category: 'billing',
    })
    const forRepairs = (await api.get('/api/service/macros?category=Repairs')).body.items
    expect(forRepairs.map((m: { name: string }) => m.name)).toEqual(['Ask for the model', 'Thanks'])
    const ada = (await api.post('/api/customers', { name: 'Ada Lovelace' })).body
    const c = (
      await api.post('/api/cases', {
        channel: 'email',
        customerId: ada.id,
        subject: 'Grinder jams',
        category: 'repairs',
      })
    ).body
    const ann = await signIn(t, ws, { name: 'Ann Agent', role: 'agent' })
    const annApi = serviceClient(t, ann.headers)
    const preview = (await annApi.post(`/api/cases/${c.id}/macros/${macro.id}/render`)).body
    expect(preview).toEqual({
      body: `Hi Ada, this is Ann Agent about case #${c.number} (Grinder jams). Which model is it?`,
      visibility: 'public',
      setStatus: 'waiting_on_customer',
    })
    const sent = await annApi.post(`/api/cases/${c.id}/messages`, { macroId: macro.id })
    expect(sent.status).toBe(201)
    expect(sent.body).toMatchObject({
      body: preview.body,
      macroId: macro.id,
      authorName: 'Ann Agent',
      visibility: 'public',
    })
    const after = (await api.get(`/api/cases/${c.id}`)).body
    expect(after).toMatchObject({ status: 'waiting_on_customer', sla: { paused: true } })
    // A token signs as the company's team.
    const byToken = (await api.post(`/api/cases/${c.id}/macros/${macro.id}/render`)).body
    expect(byToken.body).toContain(`this is Workspace ${ws.workspace.slug} team about`)
    expect((await api.post(`/api/cases/${c.id}/messages`, { macroId: crypto.randomUUID() })).status).toBe(404)
  })

  it('books the unit cost of the channel once per handled case, on the cost-to-serve ledger too', async () => {
    const ws = await t.newWorkspace()
    const api = serviceClient(t, ws.headers)
    expect(
      (await api.patch('/api/service/settings', { channelCosts: { phone: '6.50', email: 2 } })).body
        .channelCosts,
    ).toEqual({
      phone: '6.50',
      email: '2',
    })
    const ada = (await api.post('/api/customers', { name: 'Ada' })).body
    const c = (await api.post('/api/cases', { channel: 'phone', customerId: ada.id, subject: 'Call' })).body
    await api.post(`/api/cases/${c.id}/status`, { status: 'resolved' })
    await api.post(`/api/cases/${c.id}/status`, { status: 'open' })
    await api.post(`/api/cases/${c.id}/status`, { status: 'resolved' })
    const chat = (
      await api.post('/api/cases', { channel: 'chat', customerId: ada.id, subject: 'No cost set' })
    ).body
    await api.post(`/api/cases/${chat.id}/status`, { status: 'resolved' })
    const costs = await t.db
      .selectFrom('case_costs')
      .select(['case_id', 'amount', 'channel'])
      .where('workspace_id', '=', ws.workspace.id)
      .execute()
    expect(costs).toEqual([{ case_id: c.id, amount: '6.50', channel: 'phone' }])
    const ledger = await t.db
      .selectFrom('cost_entries')
      .select(['customer_id', 'source', 'kind', 'amount', 'reference'])
      .where('workspace_id', '=', ws.workspace.id)
      .execute()
    expect(ledger).toEqual([
      { customer_id: ada.id, source: 'service', kind: 'case.phone', amount: '6.50', reference: c.id },
    ])
  })
})
