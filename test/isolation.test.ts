import { expect, it } from 'vitest'
import { REFERENCE_TABLES } from '../src/db/reference-tables.js'
import { exampleFor } from './openapi-body.js'
import { describeEachDb, type TestApp } from './test-app.js'

interface Operation {
  requestBody?: { content?: Record<string, { schema?: Record<string, unknown>; example?: unknown }> }
  security?: unknown[]
}

/** Every id that workspace B owns, read from every workspace table: new tables are covered as they land. */
async function idsOf(t: TestApp, workspaceId: string): Promise<string[]> {
  const { sql } = await import('kysely')
  const tables = (
    await sql<{ table_name: string }>`
      SELECT table_name FROM information_schema.columns
      WHERE table_schema = 'public' AND column_name = 'id'`.execute(t.db)
  ).rows
    .map((r) => r.table_name)
    .filter((name) => !(name in REFERENCE_TABLES))
  const ids: string[] = []
  for (const table of tables) {
    const rows = await sql<{
      id: string
    }>`SELECT id::text AS id FROM ${sql.table(table)} WHERE workspace_id = ${workspaceId}`.execute(t.db)
    ids.push(...rows.rows.map((r) => r.id))
  }
  return ids
}

async function snapshot(t: TestApp, workspaceId: string) {
  const users = await t.db
    .selectFrom('users')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .orderBy('id')
    .execute()
  const tokens = await t.db
    .selectFrom('api_tokens')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .orderBy('id')
    .execute()
  const rest: Record<string, unknown[]> = {}
  for (const table of [
    'customers',
    'products',
    'purchases',
    'segments',
    'attribute_definitions',
    'timeline_events',
    'cases',
    'case_messages',
    'service_teams',
    'case_callbacks',
    'grant_ledger',
    'grant_approvals',
    'surveys',
    'survey_invitations',
  ] as const) {
    rest[table] = await t.db
      .selectFrom(table)
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .orderBy('id')
      .execute()
  }
  return { users, tokens, ...rest }
}

describeEachDb('workspace isolation over every route in the OpenAPI document', (t) => {
  // Every {id} route meets every id of B: the work grows with routes × tables, hence its own limit.
  it("gives workspace A a 404 for every id of workspace B, and never shows B's rows", {
    timeout: 300_000,
  }, async () => {
    const a = await t.newWorkspace()
    const b = await t.newWorkspace()
    const bUser = await t.request({
      method: 'POST',
      url: '/api/users',
      headers: b.headers,
      payload: { email: 'secret-b@x.test', name: 'Secret B', role: 'agent', password: 'long enough pw' },
    })
    expect(bUser.statusCode).toBe(201)
    await t.request({
      method: 'POST',
      url: '/api/tokens',
      headers: b.headers,
      payload: { name: 'b-token', role: 'viewer' },
    })
    // Customer 360 rows of B: a customer, an organisation with a contact, a product, a purchase,
    // an attribute, a segment and timeline events, so every {id} route meets a real id of B.
    const post = async (url: string, payload: object) => {
      const res = await t.request({ method: 'POST', url, headers: b.headers, payload })
      expect(res.statusCode, `${url} ${res.body}`).toBeLessThan(300)
      return res.json()
    }
    await post('/api/attributes', { key: 'plan', label: 'Plan', type: 'select', options: ['pro'] })
    const org = await post('/api/customers', {
      name: 'Secret Org B',
      kind: 'organisation',
      externalId: 'B-ORG',
    })
    const bCustomer = await post('/api/customers', {
      name: 'Secret Customer B',
      emails: ['secret-b@x.test'],
      organisationId: org.id,
      attributes: { plan: 'pro' },
    })
    await post('/api/products', { sku: 'B-SKU', name: 'Secret product B', listPrice: '10.00' })
    await post('/api/purchases', {
      customerId: bCustomer.id,
      productSku: 'B-SKU',
      amount: '10.00',
      occurredAt: '2026-01-02T10:00:00Z',
      externalId: 'B-LINE-1',
    })
    await post('/api/segments', { name: 'Secret segment B', filter: { stages: ['customer'] } })
    await post(`/api/customers/${bCustomer.id}/notes`, { text: 'secret note' })
    // Service centre rows of B: calendar, team, policy, routing rule, and a case with a reply.
    const bCalendar = await post('/api/service/calendars', {
      name: 'Secret hours B',
      timezone: 'UTC',
      hours: Object.fromEntries(
        ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, [['09:00', '17:00']]]),
      ),
    })
    const bTeam = await post('/api/service/teams', {
      name: 'Secret team B',
      calendarId: bCalendar.id,
      members: [{ userId: bUser.json().id }],
    })
    await post('/api/service/policies', {
      name: 'Secret policy B',
      appliesTo: 'default',
      calendarId: bCalendar.id,
      targets: { normal: { firstResponse: 60 } },
    })
    await post('/api/service/routing-rules', {
      name: 'Secret rule B',
      teamId: bTeam.id,
      strategy: 'round_robin',
    })
    const bCase = await post('/api/cases', {
      channel: 'email',
      customerId: bCustomer.id,
      subject: 'Secret case B',
    })
    await post(`/api/cases/${bCase.id}/messages`, { body: 'secret reply' })
    await post('/api/service/playbooks', {
      name: 'Secret playbook B',
      category: 'secret',
      steps: [{ id: 'one', title: 'Secret step', kind: 'do', required: true }],
    })
    await post('/api/service/macros', { name: 'Secret macro B', body: 'Hi {{customer.name}}' })
    const tomorrow = new Date(Date.now() + 86_400_000)
    tomorrow.setUTCHours(10, 0, 0, 0)
    await post(`/api/cases/${bCase.id}/callbacks`, { slotStart: tomorrow.toISOString(), phone: '+49 30 999' })
    // Empowerment rows of B: an action type, a policy, a grant on the case and a pending approval.
    const bAction = await post('/api/empowerment/action-types', {
      kind: 'gift',
      name: 'Secret gift B',
      costRule: 'entered',
    })
    await post('/api/empowerment/policies', {
      name: 'Secret authority B',
      role: 'owner',
      maxPerGrant: '10.00',
    })
    const grant = { customerId: bCustomer.id, caseId: bCase.id, actionTypeId: bAction.id, reason: 'secret' }
    await post('/api/grants', { ...grant, amount: '5.00' })
    await post('/api/grants', { ...grant, amount: '50.00', requestApproval: true })
    // Feedback rows of B: a survey and an invitation of the customer.
    const bSurvey = await post('/api/feedback/surveys', {
      name: 'Secret survey B',
      kind: 'nps',
      trigger: 'manual',
    })
    await post(`/api/feedback/surveys/${bSurvey.id}/send`, { customerIds: [bCustomer.id] })
    const bIds = await idsOf(t, b.workspace.id)
    expect(bIds.length).toBeGreaterThanOrEqual(4)
    const before = await snapshot(t, b.workspace.id)

    const doc = (await t.request({ method: 'GET', url: '/api/openapi.json' })).json()
    const components = doc.components?.schemas ?? {}
    let checked = 0
    for (const [path, methods] of Object.entries(doc.paths as Record<string, Record<string, Operation>>)) {
      for (const [method, op] of Object.entries(methods)) {
        if (op.security?.length === 0 || path.startsWith('/api/auth')) continue
        // A documented example is a valid body where a generated one cannot be (e.g. a calendar).
        const media = op.requestBody?.content?.['application/json']
        const body = media?.example ?? exampleFor(media?.schema, components)
        if (path.includes('{')) {
          for (const id of bIds) {
            const url = path.replace(/\{[^}]+\}/g, id)
            const res = await t.request({
              method: method.toUpperCase() as 'GET',
              url,
              headers: a.headers,
              ...(body ? { payload: body as object } : {}),
            })
            expect(res.statusCode, `${method.toUpperCase()} ${url}`).toBe(404)
            checked++
          }
        } else if (method === 'get') {
          const res = await t.request({ method: 'GET', url: path, headers: a.headers })
          expect(res.statusCode, `GET ${path}`).toBeLessThan(500)
          for (const id of [...bIds, b.workspace.id])
            expect(res.body, `GET ${path} leaks ${id}`).not.toContain(id)
          expect(res.body).not.toContain('secret-b@x.test')
          checked++
        }
      }
    }
    expect(checked).toBeGreaterThan(10)
    expect(await snapshot(t, b.workspace.id)).toEqual(before)
  })
})
