import { sql } from 'kysely'
import { expect, it } from 'vitest'
import { describeEachDb, type TestWorkspace } from '../../../test/test-app.js'

describeEachDb('customer duplicates and merge routes', (t) => {
  const post = (ws: TestWorkspace, url: string, payload: object, headers = ws.headers) =>
    t.request({ method: 'POST', url, headers, payload })
  const get = (ws: TestWorkspace, url: string, headers = ws.headers) =>
    t.request({ method: 'GET', url, headers })
  const customer = async (ws: TestWorkspace, body: object) => {
    const res = await post(ws, '/api/customers', body)
    expect(res.statusCode, res.body).toBe(201)
    return res.json() as { id: string; externalId: string | null; name: string }
  }
  const merge = (ws: TestWorkspace, survivorId: string, mergedId: string, headers = ws.headers) =>
    post(ws, `/api/customers/${survivorId}/merge`, { mergedId }, headers)

  it('moves every row that references the merged customer, found from the catalog', async () => {
    // Tables of modules that do not exist yet: a foreign key named customer_id, a foreign key
    // with another name, and a customer_id without a key. Merge code knows none of them.
    for (const ddl of [
      `CREATE TABLE probe_answers (workspace_id uuid NOT NULL, id uuid NOT NULL, customer_id uuid NOT NULL,
         PRIMARY KEY (workspace_id, id), FOREIGN KEY (workspace_id, customer_id) REFERENCES customers (workspace_id, id))`,
      `CREATE TABLE probe_referrals (workspace_id uuid NOT NULL, id uuid NOT NULL, referrer_id uuid,
         PRIMARY KEY (workspace_id, id), FOREIGN KEY (workspace_id, referrer_id) REFERENCES customers (workspace_id, id))`,
      `CREATE TABLE probe_log (workspace_id uuid NOT NULL, id uuid NOT NULL, customer_id uuid, PRIMARY KEY (workspace_id, id))`,
    ])
      await sql.raw(ddl).execute(t.db)
    const ws = await t.newWorkspace()
    const wsId = ws.workspace.id
    const survivor = await customer(ws, { kind: 'organisation', name: 'Acme GmbH', externalId: 'ACME-1' })
    const merged = await customer(ws, { kind: 'organisation', name: 'ACME GmbH.', externalId: 'ACME-2' })
    const other = await customer(ws, { kind: 'organisation', name: 'Other Ltd' })
    const contacts = [
      await customer(ws, { name: 'Ada', organisationId: merged.id }),
      await customer(ws, { name: 'Bob', organisationId: merged.id }),
      await customer(ws, { name: 'Cy', organisationId: other.id }),
    ]
    const buy = async (customerId: string, amount: string, occurredAt: string) => {
      const res = await post(ws, '/api/purchases', { customerId, amount, occurredAt })
      expect(res.statusCode, res.body).toBe(201)
      return res.json().id as string
    }
    await buy(survivor.id, '10.00', '2026-02-01T00:00:00Z')
    await buy(merged.id, '5.50', '2025-12-24T00:00:00Z')
    const refunded = await buy(merged.id, '2.25', '2026-03-01T00:00:00Z')
    expect((await post(ws, `/api/purchases/${refunded}/refund`, {})).statusCode).toBe(200)
    expect(
      (await post(ws, `/api/customers/${merged.id}/notes`, { text: 'called about invoice' })).statusCode,
    ).toBe(201)
    const probe = (table: string, column: string, customerId: string) =>
      sql`INSERT INTO ${sql.table(table)} (workspace_id, id, ${sql.ref(column)}) VALUES (${wsId}, gen_random_uuid(), ${customerId})`.execute(
        t.db,
      )
    await probe('probe_answers', 'customer_id', merged.id)
    await probe('probe_answers', 'customer_id', survivor.id)
    await probe('probe_referrals', 'referrer_id', merged.id)
    await probe('probe_log', 'customer_id', merged.id)
    await probe('probe_log', 'customer_id', merged.id)

    const res = await merge(ws, survivor.id, merged.id)
    expect(res.statusCode, res.body).toBe(200)
    const body = res.json()
    expect(body).toMatchObject({
      survivor: { id: survivor.id, name: 'Acme GmbH', revenue: '15.50', ordersCount: 2 },
      mergedId: merged.id,
      mergedExternalId: 'ACME-2',
    })
    expect(body.moved).toEqual({
      purchases: 2,
      // customer.created, purchase.refunded and the note.
      timeline_events: 3,
      'customers.organisation_id': 2,
      probe_answers: 1,
      'probe_referrals.referrer_id': 1,
      probe_log: 2,
    })

    // Nothing points at the merged customer any more, and it is gone.
    expect((await get(ws, `/api/customers/${merged.id}`)).statusCode).toBe(404)
    for (const [table, column] of [
      ['purchases', 'customer_id'],
      ['timeline_events', 'customer_id'],
      ['customers', 'organisation_id'],
      ['probe_answers', 'customer_id'],
      ['probe_referrals', 'referrer_id'],
      ['probe_log', 'customer_id'],
    ] as const) {
      const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)}
        WHERE workspace_id = ${wsId} AND ${sql.ref(column)} = ${merged.id}`.execute(t.db)
      expect(rows[0]?.n, `${table}.${column}`).toBe(0)
    }
    const after = (await get(ws, `/api/customers/${survivor.id}`)).json()
    expect(after).toMatchObject({ revenue: '15.50', refunds: '2.25', ordersCount: 2 })
    expect(after.firstPurchaseAt).toBe('2025-12-24T00:00:00.000Z')
    const contactOrgs = await t.db
      .selectFrom('customers')
      .select(['id', 'organisation_id'])
      .where(
        'id',
        'in',
        contacts.map((c) => c.id),
      )
      .orderBy('name')
      .execute()
    expect(contactOrgs.map((c) => c.organisation_id)).toEqual([survivor.id, survivor.id, other.id])

    // The record of what was merged: merge history, timeline, audit.
    const history = (await get(ws, `/api/customers/${survivor.id}/merges`)).json()
    expect(history.items).toHaveLength(1)
    expect(history.items[0]).toMatchObject({
      id: body.mergeId,
      mergedCustomerId: merged.id,
      mergedExternalId: 'ACME-2',
      moved: body.moved,
      snapshot: { id: merged.id, name: 'ACME GmbH.', external_id: 'ACME-2', kind: 'organisation' },
    })
    const timeline = (await get(ws, `/api/customers/${survivor.id}/timeline?limit=50`)).json().items
    const types = timeline.map((i: { type: string }) => i.type)
    expect(types).toContain('customer.merged')
    expect(types.filter((x: string) => x === 'customer.note')).toHaveLength(1)
    const audit = (await get(ws, `/api/audit?entityId=${survivor.id}&action=customer.merged`)).json().items
    expect(audit).toHaveLength(1)
    expect(audit[0].before.merged).toMatchObject({ id: merged.id, name: 'ACME GmbH.' })
    expect(audit[0].after.moved).toEqual(body.moved)
  })

  it('combines the profiles: survivor values win, the merged one fills gaps, lists are unions', async () => {
    const ws = await t.newWorkspace()
    const survivor = await customer(ws, {
      name: 'Ada Lovelace',
      emails: ['ada@example.com'],
      phones: ['+44 20 7946 0001'],
      tags: ['vip'],
      country: 'GB',
    })
    const merged = await customer(ws, {
      externalId: 'CRM-7',
      name: 'Ada Lovelase',
      emails: ['ADA@example.com', 'ada@work.test'],
      phones: ['+442079460001', '+44 20 7946 0002'],
      tags: ['newsletter', 'vip'],
      country: 'FR',
      language: 'en',
    })
    // Attributes straight in the table: no definitions needed for this test.
    const setAttributes = (id: string, attributes: object, createdAt: string) =>
      t.db
        .updateTable('customers')
        .set({ attributes: JSON.stringify(attributes), created_at: new Date(createdAt) })
        .where('id', '=', id)
        .execute()
    await setAttributes(survivor.id, { plan: 'gold', seats: 3 }, '2026-05-01T00:00:00Z')
    await setAttributes(merged.id, { plan: 'free', region: 'EU' }, '2024-01-01T00:00:00Z')

    const res = await merge(ws, survivor.id, merged.id)
    expect(res.statusCode, res.body).toBe(200)
    const c = (await get(ws, `/api/customers/${survivor.id}`)).json()
    expect(c).toMatchObject({
      name: 'Ada Lovelace',
      externalId: 'CRM-7',
      emails: ['ada@example.com', 'ada@work.test'],
      phones: ['+442079460001', '+442079460002'],
      tags: ['vip', 'newsletter'],
      country: 'GB',
      language: 'en',
      attributes: { plan: 'gold', seats: 3, region: 'EU' },
      createdAt: '2024-01-01T00:00:00.000Z',
    })
    // The merged external id now names the survivor.
    expect((await get(ws, '/api/customers?q=CRM-7')).json().items.map((x: { id: string }) => x.id)).toEqual([
      survivor.id,
    ])
  })

  it('refuses merges that cannot be right, with problem responses and nothing changed', async () => {
    const ws = await t.newWorkspace()
    const other = await t.newWorkspace()
    const person = await customer(ws, { name: 'Pat' })
    const org = await customer(ws, { kind: 'organisation', name: 'Org' })
    const contact = await customer(ws, { name: 'Con', organisationId: org.id })
    const foreign = await customer(other, { name: 'Pat' })

    const same = await merge(ws, person.id, person.id)
    expect(same.statusCode).toBe(400)
    expect(same.headers['content-type']).toContain('application/problem+json')
    expect(same.json().code).toBe('MERGE_SAME_CUSTOMER')
    for (const [s, m] of [
      [person.id, foreign.id],
      [foreign.id, person.id],
      [person.id, '01900000-0000-7000-8000-000000000000'],
      ['not-a-uuid', person.id],
    ] as const) {
      const res = await merge(ws, s, m)
      expect(res.statusCode, `${s} <- ${m}`).toBe(404)
      expect(res.json().code).toBe('CUSTOMER_NOT_FOUND')
    }
    const kinds = await merge(ws, person.id, org.id)
    expect(kinds.statusCode).toBe(422)
    expect(kinds.json().code).toBe('MERGE_KIND_MISMATCH')
    const own = await merge(ws, org.id, contact.id)
    expect(own.statusCode).toBe(422)
    expect(own.json().code).toBe('MERGE_CONTACT_INTO_OWN_ORGANISATION')
    const badBody = await post(ws, `/api/customers/${person.id}/merge`, { mergedId: 'x' })
    expect(badBody.statusCode).toBe(400)
    expect((await merge(ws, person.id, contact.id, await ws.as('viewer'))).statusCode).toBe(403)

    // Organisation chains written before the one-level rule: a merge must not close a loop.
    const [a, b, c] = [
      await customer(ws, { kind: 'organisation', name: 'A' }),
      await customer(ws, { kind: 'organisation', name: 'B' }),
      await customer(ws, { kind: 'organisation', name: 'C' }),
    ]
    const parent = (id: string, organisationId: string) =>
      t.db.updateTable('customers').set({ organisation_id: organisationId }).where('id', '=', id).execute()
    await parent(a.id, b.id)
    const direct = await merge(ws, a.id, b.id)
    expect(direct.statusCode).toBe(422)
    expect(direct.json().code).toBe('MERGE_CREATES_CYCLE')
    await parent(a.id, c.id)
    await parent(c.id, b.id)
    const through = await merge(ws, a.id, b.id)
    expect(through.statusCode).toBe(422)
    expect(through.json().code).toBe('MERGE_CREATES_CYCLE')

    const left = await t.db
      .selectFrom('customers')
      .select('id')
      .where('workspace_id', '=', ws.workspace.id)
      .execute()
    expect(left).toHaveLength(6)
    expect(
      await t.db
        .selectFrom('customer_merges')
        .selectAll()
        .where('workspace_id', '=', ws.workspace.id)
        .execute(),
    ).toEqual([])
  })

  it('refuses, and rolls back, when a table allows one row per customer and both have one', async () => {
    await sql`CREATE TABLE probe_memberships (workspace_id uuid NOT NULL, id uuid NOT NULL, customer_id uuid NOT NULL,
      PRIMARY KEY (workspace_id, id), UNIQUE (workspace_id, customer_id),
      FOREIGN KEY (workspace_id, customer_id) REFERENCES customers (workspace_id, id))`.execute(t.db)
    const ws = await t.newWorkspace()
    const wsId = ws.workspace.id
    const a = await customer(ws, { kind: 'organisation', name: 'Member A' })
    const b = await customer(ws, { kind: 'organisation', name: 'Member B' })
    // Contacts move first (customers.organisation_id sorts before probe_memberships): the
    // conflict must undo that too.
    const contact = await customer(ws, { name: 'Contact of B', organisationId: b.id })
    for (const id of [a.id, b.id])
      await sql`INSERT INTO probe_memberships VALUES (${wsId}, gen_random_uuid(), ${id})`.execute(t.db)
    const res = await merge(ws, a.id, b.id)
    expect(res.statusCode, res.body).toBe(409)
    expect(res.json().code).toBe('MERGE_UNIQUE_CONFLICT')
    expect(res.json().detail).toContain('probe_memberships')
    expect((await get(ws, `/api/customers/${contact.id}`)).json().organisationId).toBe(b.id)
    expect((await get(ws, `/api/customers/${b.id}`)).statusCode).toBe(200)
    await sql`DROP TABLE probe_memberships`.execute(t.db)
  })

  it('runs two merges of the same pair one after the other: one wins, the other finds a customer gone', async () => {
    const ws = await t.newWorkspace()
    const a = await customer(ws, { name: 'Twin', emails: ['twin@example.com'] })
    const b = await customer(ws, { name: 'Twin', emails: ['twin@example.com'] })
    const results = await Promise.all([merge(ws, a.id, b.id), merge(ws, b.id, a.id), merge(ws, a.id, b.id)])
    const statuses = results.map((r) => r.statusCode).sort()
    expect(statuses, results.map((r) => r.body).join('\n')).toEqual([200, 404, 404])
    const left = await t.db
      .selectFrom('customers')
      .select('id')
      .where('workspace_id', '=', ws.workspace.id)
      .execute()
    expect(left).toHaveLength(1)
    expect(
      await t.db
        .selectFrom('customer_merges')
        .select('id')
        .where('workspace_id', '=', ws.workspace.id)
        .execute(),
    ).toHaveLength(1)
  })

  it("finds one customer's duplicates by email, phone and misspelled name, best first", async () => {
    const ws = await t.newWorkspace()
    const other = await t.newWorkspace()
    const target = await customer(ws, {
      name: 'Jonathan Smithers',
      emails: ['jon@smithers.test'],
      phones: ['+49 30 1234567'],
    })
    const byEmail = await customer(ws, { name: 'J. Smithers', emails: ['JON@smithers.test'] })
    const byPhone = await customer(ws, { name: 'Office', phones: ['+49301234567'] })
    const byName = await customer(ws, { name: 'Jonathon Smithers' })
    const byAll = await customer(ws, {
      name: 'Jonathan Smithers',
      emails: ['jon@smithers.test'],
      phones: ['+49301234567'],
    })
    await customer(ws, { name: 'Jane Doe', emails: ['jane@doe.test'] })
    await customer(ws, { kind: 'organisation', name: 'Jonathan Smithers', phones: ['+49301234567'] })
    await customer(other, { name: 'Jonathan Smithers', emails: ['jon@smithers.test'] })

    const res = await get(ws, `/api/customers/${target.id}/duplicates`)
    expect(res.statusCode, res.body).toBe(200)
    const items = res.json().items as {
      customer: { id: string }
      score: number
      reasons: { emails: string[]; phones: string[]; nameSimilarity: number | null }
    }[]
    expect(items.map((i) => i.customer.id)).toEqual([byAll.id, byEmail.id, byPhone.id, byName.id])
    const [all, email, phone, name] = items
    expect(all?.reasons).toEqual({
      emails: ['jon@smithers.test'],
      phones: ['+49301234567'],
      nameSimilarity: 1,
    })
    expect(email?.reasons.emails).toEqual(['jon@smithers.test'])
    expect(phone?.reasons).toEqual({ emails: [], phones: ['+49301234567'], nameSimilarity: null })
    expect(name?.reasons.emails).toEqual([])
    expect(name?.reasons.nameSimilarity).toBeGreaterThanOrEqual(0.5)
    expect(items.map((i) => i.score)).toEqual([...items.map((i) => i.score)].sort((x, y) => y - x))

    const foreignTarget = (await get(other, '/api/customers')).json().items[0].id
    expect((await get(ws, `/api/customers/${foreignTarget}/duplicates`)).statusCode).toBe(404)
    expect((await get(ws, `/api/customers/${foreignTarget}/merges`)).statusCode).toBe(404)
    expect((await get(ws, `/api/customers/${target.id}/duplicates`, await ws.as('viewer'))).statusCode).toBe(
      200,
    )
  })

  it('lists likely duplicate pairs across the workspace, paginated, on a static path beside /:id', async () => {
    const ws = await t.newWorkspace()
    const other = await t.newWorkspace()
    const ids = {
      mail1: (await customer(ws, { name: 'Grace Hopper', emails: ['grace@navy.test'] })).id,
      mail2: (await customer(ws, { name: 'G. Hopper', emails: ['Grace@Navy.test'] })).id,
      tel1: (await customer(ws, { name: 'Alan Turing', phones: ['+44 161 555 0100'] })).id,
      tel2: (await customer(ws, { name: 'Turing, A.', phones: ['+441615550100'] })).id,
      name1: (await customer(ws, { name: 'Katherine Johnson' })).id,
      name2: (await customer(ws, { name: 'Katherine Jonson' })).id,
    }
    await customer(ws, { name: 'Unrelated Person', emails: ['u@x.test'] })
    // A generic address on many records says nothing about identity.
    for (let i = 0; i < 21; i++) await customer(ws, { name: `Shop ${i}`, emails: ['info@shop.test'] })
    await customer(other, { name: 'Grace Hopper', emails: ['grace@navy.test'] })

    const seen: string[][] = []
    let cursor: string | null = null
    do {
      const url: string = `/api/customers/duplicates?limit=1${cursor ? `&cursor=${cursor}` : ''}`
      const res = await get(ws, url)
      expect(res.statusCode, res.body).toBe(200)
      const page = res.json()
      seen.push(...page.items.map((p: { a: { id: string }; b: { id: string } }) => [p.a.id, p.b.id]))
      cursor = page.nextCursor
    } while (cursor && seen.length < 50)
    const pair = (x: string, y: string) => [x, y].sort()
    expect(seen).toEqual([pair(ids.mail1, ids.mail2), pair(ids.tel1, ids.tel2), pair(ids.name1, ids.name2)])

    const all = (await get(ws, '/api/customers/duplicates')).json().items
    expect(all[0].reasons.emails).toEqual(['grace@navy.test'])
    expect(all[1].reasons.phones).toEqual(['+441615550100'])
    expect(all[2].reasons).toMatchObject({ emails: [], phones: [] })
    expect(all[2].reasons.nameSimilarity).toBeGreaterThanOrEqual(0.5)
    expect(all[0].score).toBeGreaterThan(all[1].score)
    expect((await get(other, '/api/customers/duplicates')).json().items).toEqual([])
    expect((await get(ws, '/api/customers/duplicates?cursor=garbage')).statusCode).toBe(400)
  })
})
