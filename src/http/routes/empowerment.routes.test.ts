import { sql } from 'kysely'
import { expect, it } from 'vitest'
import { describeEachDb, type TestApp, type TestWorkspace } from '../../../test/test-app.js'

async function setup(t: TestApp, ws: TestWorkspace, policy: Record<string, unknown>) {
  const post = async (url: string, payload: unknown) => {
    const res = await t.request({ method: 'POST', url, headers: ws.headers, payload: payload as object })
    expect(res.statusCode, res.body).toBe(201)
    return res.json()
  }
  const action = await post('/api/empowerment/action-types', {
    kind: 'account_credit',
    name: 'Account credit',
    costRule: 'entered',
  })
  await post('/api/empowerment/policies', { name: 'Agents', role: 'agent', ...policy })
  const customer = await post('/api/customers', { name: 'Ada Lovelace', tier: 'silver' })
  return { action, customer }
}

const ledgerSum = async (t: TestApp, workspaceId: string) =>
  (
    await sql<{ s: string | null; n: number }>`
      SELECT sum(amount)::text AS s, count(*)::int AS n FROM grant_ledger WHERE workspace_id = ${workspaceId}`.execute(
      t.db,
    )
  ).rows[0]!

describeEachDb('empowerment: grants, limits, approvals, ledger', (t) => {
  it('50 parallel grants against a budget that allows 10: exactly 10 succeed, the ledger sums to the limit', async () => {
    const ws = await t.newWorkspace()
    const { action, customer } = await setup(t, ws, { maxPerGrant: '50.00', maxPerCustomer: '100.00' })
    const agent = await ws.as('agent')
    const results = await Promise.all(
      Array.from({ length: 50 }, () =>
        t.request({
          method: 'POST',
          url: '/api/grants',
          headers: agent,
          payload: {
            customerId: customer.id,
            actionTypeId: action.id,
            amount: '10.00',
            reason: 'Late delivery',
          },
        }),
      ),
    )
    const codes = results.map((r) => r.statusCode)
    expect(codes.filter((c) => c === 201)).toHaveLength(10)
    expect(codes.filter((c) => c === 403)).toHaveLength(40)
    const refused = results.find((r) => r.statusCode === 403)!
    expect(refused.headers['content-type']).toContain('application/problem+json')
    expect(refused.json().code).toBe('ABOVE_AUTHORITY')
    expect(await ledgerSum(t, ws.workspace.id)).toEqual({ s: '100.00', n: 10 })
    const costs = await sql<{ s: string }>`SELECT sum(amount)::text AS s FROM cost_entries
      WHERE workspace_id = ${ws.workspace.id} AND source = 'empowerment'`.execute(t.db)
    expect(costs.rows[0]!.s).toBe('100.00')
  })

  it('50 parallel grants that may ask for approval: 10 executed, 40 pending approvals', async () => {
    const ws = await t.newWorkspace()
    const { action, customer } = await setup(t, ws, { maxPerGrant: '50.00', maxPerAgentMonth: '30.00' })
    const agent = await ws.as('agent')
    const results = await Promise.all(
      Array.from({ length: 50 }, () =>
        t.request({
          method: 'POST',
          url: '/api/grants',
          headers: agent,
          payload: {
            customerId: customer.id,
            actionTypeId: action.id,
            amount: '3.00',
            reason: 'x',
            requestApproval: true,
          },
        }),
      ),
    )
    expect(results.filter((r) => r.statusCode === 201)).toHaveLength(10)
    expect(results.filter((r) => r.statusCode === 202)).toHaveLength(40)
    expect(await ledgerSum(t, ws.workspace.id)).toEqual({ s: '30.00', n: 10 })
    const inbox = await t.request({
      method: 'GET',
      url: '/api/approvals?status=pending&limit=100',
      headers: ws.headers,
    })
    expect(inbox.json().items).toHaveLength(40)
  })

  it('refuses a forged grant above the limit on the server, and agents cannot approve', async () => {
    const ws = await t.newWorkspace()
    const { action, customer } = await setup(t, ws, { maxPerGrant: '25.00' })
    const agent = await ws.as('agent')
    const forged = await t.request({
      method: 'POST',
      url: '/api/grants',
      headers: agent,
      // Fields the API does not take (an approver, a policy) change nothing.
      payload: {
        customerId: customer.id,
        actionTypeId: action.id,
        amount: '500.00',
        reason: 'forged',
        approved: true,
        policyId: '00000000-0000-7000-8000-000000000000',
      },
    })
    expect(forged.statusCode).toBe(403)
    expect(forged.json().code).toBe('ABOVE_AUTHORITY')
    expect((await ledgerSum(t, ws.workspace.id)).n).toBe(0)
    const asked = await t.request({
      method: 'POST',
      url: '/api/grants',
      headers: agent,
      payload: {
        customerId: customer.id,
        actionTypeId: action.id,
        amount: '500.00',
        reason: 'r',
        requestApproval: true,
      },
    })
    expect(asked.statusCode).toBe(202)
    const decide = await t.request({
      method: 'POST',
      url: `/api/approvals/${asked.json().approval.id}/decision`,
      headers: agent,
      payload: { decision: 'approve', reason: 'self-service' },
    })
    expect(decide.statusCode).toBe(403)
    // No manager policy covers 500: it goes to an admin, and a manager may not decide it.
    expect(asked.json().approval.routeToRole).toBe('admin')
    const manager = await t.request({
      method: 'POST',
      url: `/api/approvals/${asked.json().approval.id}/decision`,
      headers: await ws.as('manager'),
      payload: { decision: 'approve', reason: 'ok' },
    })
    expect(manager.statusCode).toBe(403)
    expect((await ledgerSum(t, ws.workspace.id)).n).toBe(0)
  })

  it('replays a grant sent twice with the same Idempotency-Key instead of granting twice', async () => {
    const ws = await t.newWorkspace()
    const { action, customer } = await setup(t, ws, { maxPerGrant: '50.00' })
    const headers = { ...(await ws.as('agent')), 'idempotency-key': 'grant-once-1' }
    const payload = { customerId: customer.id, actionTypeId: action.id, amount: '7.00', reason: 'Retry me' }
    const first = await t.request({ method: 'POST', url: '/api/grants', headers, payload })
    const second = await t.request({ method: 'POST', url: '/api/grants', headers, payload })
    expect(first.statusCode).toBe(201)
    expect(second.statusCode).toBe(201)
    expect(second.headers['idempotent-replayed']).toBe('true')
    expect(second.json().entry.id).toBe(first.json().entry.id)
    expect(await ledgerSum(t, ws.workspace.id)).toEqual({ s: '7.00', n: 1 })
  })

  it('a customer merge leaves the ledger untouched and the survivor owns the grants and their budget', async () => {
    const ws = await t.newWorkspace()
    const { action, customer } = await setup(t, ws, { maxPerGrant: '50.00', maxPerCustomer: '100.00' })
    const agent = await ws.as('agent')
    const granted = await t.request({
      method: 'POST',
      url: '/api/grants',
      headers: agent,
      payload: { customerId: customer.id, actionTypeId: action.id, amount: '30.00', reason: 'Dent' },
    })
    expect(granted.statusCode).toBe(201)
    const survivor = (
      await t.request({
        method: 'POST',
        url: '/api/customers',
        headers: ws.headers,
        payload: { name: 'Ada L.' },
      })
    ).json()
    const merge = await t.request({
      method: 'POST',
      url: `/api/customers/${survivor.id}/merge`,
      headers: ws.headers,
      payload: { mergedId: customer.id },
    })
    expect(merge.statusCode, merge.body).toBeLessThan(300)
    const authority = await t.request({
      method: 'GET',
      url: `/api/empowerment/authority?customerId=${survivor.id}`,
      headers: agent,
    })
    expect(authority.json()).toMatchObject({ customerUsed: '30.00', remaining: '50.00' })
    const ledger = await t.request({
      method: 'GET',
      url: `/api/grants?customer=${survivor.id}`,
      headers: ws.headers,
    })
    expect(ledger.json().items.map((e: { id: string }) => e.id)).toEqual([granted.json().entry.id])
    const timeline = await t.request({
      method: 'GET',
      url: `/api/customers/${survivor.id}/timeline?sources=empowerment`,
      headers: ws.headers,
    })
    expect(timeline.json().items.map((i: { type: string }) => i.type)).toEqual(['grant.executed'])
  })

  it('no SQL path updates, deletes or truncates a ledger row', async () => {
    const ws = await t.newWorkspace()
    const { action, customer } = await setup(t, ws, { maxPerGrant: '50.00' })
    const res = await t.request({
      method: 'POST',
      url: '/api/grants',
      headers: await ws.as('agent'),
      payload: { customerId: customer.id, actionTypeId: action.id, amount: '12.50', reason: 'Broken item' },
    })
    expect(res.statusCode).toBe(201)
    const id = res.json().entry.id
    await expect(sql`UPDATE grant_ledger SET amount = 1 WHERE id = ${id}`.execute(t.db)).rejects.toThrow(
      /append-only/,
    )
    await expect(sql`DELETE FROM grant_ledger WHERE id = ${id}`.execute(t.db)).rejects.toThrow(/append-only/)
    await expect(sql`TRUNCATE grant_ledger`.execute(t.db)).rejects.toThrow(/append-only/)
    expect(await ledgerSum(t, ws.workspace.id)).toEqual({ s: '12.50', n: 1 })
    // A correction is a reversal entry, once.
    const reverse = await t.request({
      method: 'POST',
      url: `/api/grants/${id}/reverse`,
      headers: await ws.as('manager'),
      payload: { reason: 'Entered twice' },
    })
    expect(reverse.statusCode).toBe(201)
    expect(reverse.json()).toMatchObject({ entryKind: 'reversal', reversesId: id, amount: '-12.50' })
    const again = await t.request({
      method: 'POST',
      url: `/api/grants/${id}/reverse`,
      headers: ws.headers,
      payload: { reason: 'again' },
    })
    expect(again.statusCode).toBe(409)
    expect(await ledgerSum(t, ws.workspace.id)).toEqual({ s: '0.00', n: 2 })
  })

  it('routes above-limit requests to a manager who approves; the case and timeline show it', async () => {
    const ws = await t.newWorkspace()
    const { action, customer } = await setup(t, ws, { maxPerGrant: '20.00', maxPerCustomer: '40.00' })
    await t.request({
      method: 'POST',
      url: '/api/empowerment/policies',
      headers: ws.headers,
      payload: { name: 'Managers', role: 'manager', maxPerGrant: '200.00' },
    })
    const theCase = await t.request({
      method: 'POST',
      url: '/api/cases',
      headers: ws.headers,
      payload: { channel: 'phone', customerId: customer.id, subject: 'Parcel arrived broken' },
    })
    expect(theCase.statusCode).toBe(201)
    const caseId = theCase.json().id
    const agent = await ws.as('agent')
    const authority = await t.request({
      method: 'GET',
      url: `/api/empowerment/authority?customerId=${customer.id}&caseId=${caseId}`,
      headers: agent,
    })
    expect(authority.json()).toMatchObject({ remaining: '20.00', customerUsed: '0.00' })
    const small = await t.request({
      method: 'POST',
      url: '/api/grants',
      headers: agent,
      payload: { customerId: customer.id, caseId, actionTypeId: action.id, amount: '15.00', reason: 'Sorry' },
    })
    expect(small.statusCode).toBe(201)
    const after = await t.request({
      method: 'GET',
      url: `/api/empowerment/authority?customerId=${customer.id}`,
      headers: agent,
    })
    expect(after.json().remaining).toBe('20.00')
    expect(after.json().customerUsed).toBe('15.00')
    const big = await t.request({
      method: 'POST',
      url: '/api/grants',
      headers: agent,
      payload: {
        customerId: customer.id,
        caseId,
        actionTypeId: action.id,
        amount: '90.00',
        reason: 'Replace it',
        requestApproval: true,
      },
    })
    expect(big.statusCode).toBe(202)
    expect(big.json().approval).toMatchObject({ routeToRole: 'manager', status: 'pending', amount: '90.00' })
    const manager = await ws.as('manager')
    const inbox = await t.request({ method: 'GET', url: '/api/approvals?forMe=true', headers: manager })
    expect(inbox.json().items.map((a: { id: string }) => a.id)).toEqual([big.json().approval.id])
    const ok = await t.request({
      method: 'POST',
      url: `/api/approvals/${big.json().approval.id}/decision`,
      headers: manager,
      payload: { decision: 'approve', reason: 'Loyal customer' },
    })
    expect(ok.statusCode).toBe(200)
    expect(ok.json().status).toBe('approved')
    const twice = await t.request({
      method: 'POST',
      url: `/api/approvals/${big.json().approval.id}/decision`,
      headers: manager,
      payload: { decision: 'deny', reason: 'oops' },
    })
    expect(twice.statusCode).toBe(409)
    const ledger = await t.request({
      method: 'GET',
      url: `/api/grants?customer=${customer.id}&approved=true`,
      headers: ws.headers,
    })
    expect(ledger.json().items).toHaveLength(1)
    expect(ledger.json().items[0]).toMatchObject({
      amount: '90.00',
      approvalId: big.json().approval.id,
      caseId,
    })
    const timeline = await t.request({
      method: 'GET',
      url: `/api/customers/${customer.id}/timeline?sources=empowerment`,
      headers: ws.headers,
    })
    const types = timeline.json().items.map((i: { type: string }) => i.type)
    expect(types.filter((x: string) => x === 'grant.executed')).toHaveLength(2)
    expect(types).toEqual(expect.arrayContaining(['grant.requested', 'grant.approved']))
    const notes = await t.request({
      method: 'GET',
      url: `/api/cases/${caseId}/messages`,
      headers: ws.headers,
    })
    const bodies = notes
      .json()
      .items.map((m: { body: string; visibility: string }) => `${m.visibility}:${m.body}`)
    expect(bodies.some((b: string) => b.startsWith('internal:Goodwill granted: Account credit, 90.00'))).toBe(
      true,
    )
    const csv = await t.request({ method: 'GET', url: '/api/grants/export.csv', headers: ws.headers })
    expect(csv.statusCode).toBe(200)
    expect(csv.body.trim().split('\n')).toHaveLength(3)
    const budget = await t.request({
      method: 'GET',
      url: '/api/empowerment/reports/budget?by=tier',
      headers: ws.headers,
    })
    expect(budget.json().items).toEqual([
      expect.objectContaining({ label: 'silver', grants: 2, net: '105.00', approved: '90.00' }),
    ])
    const stats = await t.request({
      method: 'GET',
      url: '/api/empowerment/reports/approvals',
      headers: ws.headers,
    })
    expect(stats.json()).toMatchObject({ pending: 0, approved: 1, denied: 0 })
  })

  it('gives top tiers more authority, fixes the cost of fixed actions and checks the input', async () => {
    const ws = await t.newWorkspace()
    const { customer } = await setup(t, ws, { maxPerGrant: '10.00' })
    await t.request({
      method: 'POST',
      url: '/api/empowerment/policies',
      headers: ws.headers,
      payload: { name: 'Agents for gold', role: 'agent', maxPerGrant: '100.00', tiers: ['gold'] },
    })
    const gold = await t.request({
      method: 'POST',
      url: '/api/customers',
      headers: ws.headers,
      payload: { name: 'Grace', tier: 'gold' },
    })
    const upgrade = await t.request({
      method: 'POST',
      url: '/api/empowerment/action-types',
      headers: ws.headers,
      payload: { kind: 'free_upgrade', name: 'Upgrade', costRule: 'fixed', fixedAmount: '60.00' },
    })
    const agent = await ws.as('agent')
    const grant = (customerId: string, extra = {}) =>
      t.request({
        method: 'POST',
        url: '/api/grants',
        headers: agent,
        payload: { customerId, actionTypeId: upgrade.json().id, reason: 'r', ...extra },
      })
    expect((await grant(customer.id)).statusCode).toBe(403)
    const ok = await grant(gold.json().id)
    expect(ok.statusCode).toBe(201)
    expect(ok.json().entry).toMatchObject({ amount: '60.00', customerTier: 'gold' })
    expect(ok.json().entry.policySnapshot).toMatchObject({ name: 'Agents for gold', maxPerGrant: '100.00' })
    const wrongAmount = await grant(gold.json().id, { amount: '1.00' })
    expect(wrongAmount.statusCode).toBe(400)
    const bad = await t.request({
      method: 'POST',
      url: '/api/grants',
      headers: agent,
      payload: { customerId: 'x', amount: '-1' },
    })
    expect(bad.statusCode).toBe(400)
    const viewer = await t.request({ method: 'GET', url: '/api/grants', headers: await ws.as('viewer') })
    expect(viewer.statusCode).toBe(403)
    const agentPolicy = await t.request({
      method: 'POST',
      url: '/api/empowerment/policies',
      headers: await ws.as('manager'),
      payload: { name: 'Mine', role: 'agent', maxPerGrant: '9999.00' },
    })
    expect(agentPolicy.statusCode).toBe(403)
  })
})
