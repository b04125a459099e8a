import { sql } from 'kysely'
import { expect, it } from 'vitest'
import { describeEachDb, type TestWorkspace } from '../../../test/test-app.js'

describeEachDb('customers routes', (t) => {
  const post = (ws: TestWorkspace, url: string, payload: object) =>
    t.request({ method: 'POST', url, headers: ws.headers, payload })
  const get = (ws: TestWorkspace, url: string) => t.request({ method: 'GET', url, headers: ws.headers })

  it('creates, reads and changes a customer, normalising emails, phones and country', async () => {
    const ws = await t.newWorkspace()
    const res = await post(ws, '/api/customers', {
      name: 'Ada Lovelace',
      externalId: 'C-1',
      emails: ['Ada@Example.COM'],
      phones: ['+44 (20) 7946-0018'],
      country: 'gb',
      timezone: 'Europe/London',
      tags: ['vip', 'vip'],
    })
    expect(res.statusCode).toBe(201)
    const c = res.json()
    expect(c).toMatchObject({
      name: 'Ada Lovelace',
      externalId: 'C-1',
      emails: ['ada@example.com'],
      phones: ['+442079460018'],
      country: 'GB',
      tags: ['vip'],
      lifecycleStage: 'customer',
      revenue: '0.00',
      ordersCount: 0,
    })
    const patched = await t.request({
      method: 'PATCH',
      url: `/api/customers/${c.id}`,
      headers: ws.headers,
      payload: { lifecycleStage: 'churned', tier: 'gold' },
    })
    expect(patched.statusCode).toBe(200)
    expect(patched.json()).toMatchObject({ lifecycleStage: 'churned', tier: 'gold', tierSource: 'manual' })
    const timeline = (await get(ws, `/api/customers/${c.id}/timeline`)).json()
    expect(timeline.items.map((i: { type: string }) => i.type)).toEqual([
      'customer.tier_changed',
      'customer.stage_changed',
      'customer.created',
    ])
  })

  it('refuses a taken external id (409), bad fields (400 with paths) and unknown ids (404)', async () => {
    const ws = await t.newWorkspace()
    expect((await post(ws, '/api/customers', { name: 'A', externalId: 'X' })).statusCode).toBe(201)
    const dup = await post(ws, '/api/customers', { name: 'B', externalId: 'X' })
    expect(dup.statusCode).toBe(409)
    expect(dup.json().code).toBe('CUSTOMER_EXTERNAL_ID_TAKEN')
    const bad = await post(ws, '/api/customers', {
      name: '',
      emails: ['nope'],
      country: 'Germany',
      timezone: 'Mars/Olympus',
      lifecycleStage: 'zombie',
    })
    expect(bad.statusCode).toBe(400)
    const paths = bad.json().errors.map((e: { path: string }) => e.path)
    expect(paths).toEqual(
      expect.arrayContaining([
        'body.name',
        'body.emails.0',
        'body.country',
        'body.timezone',
        'body.lifecycleStage',
      ]),
    )
    expect((await get(ws, '/api/customers/0190c8a4-0000-7000-8000-000000000000')).statusCode).toBe(404)
    expect((await get(ws, '/api/customers/not-a-uuid')).statusCode).toBe(404)
  })

  it('validates custom attributes against their definitions', async () => {
    const ws = await t.newWorkspace()
    const defs = [
      { key: 'plan', label: 'Plan', type: 'select', options: ['free', 'pro'] },
      { key: 'seats', label: 'Seats', type: 'number' },
      { key: 'renewal', label: 'Renewal', type: 'date' },
      { key: 'beta', label: 'Beta', type: 'boolean' },
      { key: 'features', label: 'Features', type: 'multiselect', options: ['sso', 'api', 'audit'] },
      { key: 'note', label: 'Note', type: 'text' },
    ]
    for (const d of defs) expect((await post(ws, '/api/attributes', d)).statusCode).toBe(201)
    expect(
      (await post(ws, '/api/attributes', { key: 'plan', label: 'Again', type: 'text' })).statusCode,
    ).toBe(409)
    expect((await post(ws, '/api/attributes', { key: 'tier2', label: 'X', type: 'select' })).statusCode).toBe(
      400,
    )

    const bad = await post(ws, '/api/customers', {
      name: 'Bad attrs',
      attributes: {
        plan: 'enterprise',
        seats: 'many',
        renewal: '2026-02-30',
        beta: 'yes',
        features: ['sso', 'x'],
        nope: 1,
      },
    })
    expect(bad.statusCode).toBe(400)
    expect(
      bad
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual([
      'attributes.beta',
      'attributes.features',
      'attributes.nope',
      'attributes.plan',
      'attributes.renewal',
      'attributes.seats',
    ])
    const good = await post(ws, '/api/customers', {
      name: 'Good attrs',
      attributes: {
        plan: 'pro',
        seats: '12',
        renewal: '2027-01-31',
        beta: true,
        features: ['sso', 'api', 'sso'],
        note: ' hi ',
      },
    })
    expect(good.statusCode).toBe(201)
    expect(good.json().attributes).toEqual({
      plan: 'pro',
      seats: 12,
      renewal: '2027-01-31',
      beta: true,
      features: ['sso', 'api'],
      note: 'hi',
    })
    // A patch changes only the keys sent; null removes one.
    const patched = await t.request({
      method: 'PATCH',
      url: `/api/customers/${good.json().id}`,
      headers: ws.headers,
      payload: { attributes: { seats: 20, note: null } },
    })
    expect(patched.json().attributes).toEqual({
      plan: 'pro',
      seats: 20,
      renewal: '2027-01-31',
      beta: true,
      features: ['sso', 'api'],
    })
    // Filters compare numbers as numbers and find multiselect members.
    const search = (filter: object) => post(ws, '/api/customers/search', { filter })
    expect(
      (await search({ attributes: [{ key: 'seats', op: 'gte', value: 15 }] })).json().items,
    ).toHaveLength(1)
    expect(
      (await search({ attributes: [{ key: 'seats', op: 'gt', value: 100 }] })).json().items,
    ).toHaveLength(0)
    expect(
      (await search({ attributes: [{ key: 'features', op: 'contains', value: 'api' }] })).json().items,
    ).toHaveLength(1)
    expect((await search({ attributes: [{ key: 'plan', value: 'pro' }] })).json().items).toHaveLength(1)
    expect((await search({ attributes: [{ key: 'ghost', value: 1 }] })).statusCode).toBe(400)
  })

  it('finds customers by misspelled name, email fragment, phone digits and external id', async () => {
    const ws = await t.newWorkspace()
    const people = [
      {
        name: 'Margarethe Schulz',
        emails: ['m.schulz@example.de'],
        phones: ['+49 30 1234567'],
        externalId: 'K-1001',
      },
      { name: 'Jonathan Smithers', emails: ['jon@smithers.test'], externalId: 'K-1002' },
      { name: 'Aiko Watanabe', emails: ['aiko@example.jp'], externalId: 'K-1003' },
    ]
    for (const p of people) expect((await post(ws, '/api/customers', p)).statusCode).toBe(201)
    const names = async (q: string) =>
      (await get(ws, `/api/customers?q=${encodeURIComponent(q)}`))
        .json()
        .items.map((c: { name: string }) => c.name)
    expect(await names('Margarete Schultz')).toEqual(['Margarethe Schulz'])
    expect(await names('jonathon smithers')).toEqual(['Jonathan Smithers'])
    expect(await names('watanbe')).toEqual(['Aiko Watanabe'])
    expect(await names('smithers.test')).toEqual(['Jonathan Smithers'])
    expect(await names('030 1234567'.replace(/^0/, '+49'))).toEqual(['Margarethe Schulz'])
    expect(await names('k-1003')).toEqual(['Aiko Watanabe'])
    expect(await names('zzzzzz')).toEqual([])
  })

  it("corrects swapped letters against the workspace's own names, renamed and imported ones too", async () => {
    const ws = await t.newWorkspace()
    const other = await t.newWorkspace()
    expect((await post(other, '/api/customers', { name: 'Ingrid Brown' })).statusCode).toBe(201)
    const names = async (q: string) =>
      (await get(ws, `/api/customers?q=${encodeURIComponent(q)}`))
        .json()
        .items.map((c: { name: string }) => c.name)
    // Another workspace's Brown is no meaning of "brwon" here.
    expect((await post(ws, '/api/customers', { name: 'Bryan Adams' })).statusCode).toBe(201)
    expect(await names('ingrid brwon')).toEqual([])
    const created = await post(ws, '/api/customers', { name: 'Ingrid Berg' })
    const renamed = await t.request({
      method: 'PATCH',
      url: `/api/customers/${created.json().id}`,
      headers: ws.headers,
      payload: { name: 'Ingrid Brown' },
    })
    expect(renamed.statusCode).toBe(200)
    expect(await names('ingrid brwon')).toEqual(['Ingrid Brown'])
    // "brwon" shares two trigrams with both "brown" and "bryan": the swapped letters decide.
    expect(await names('brwon')).toEqual(['Ingrid Brown'])
    const imported = await post(ws, '/api/customers/batch', {
      rows: [{ externalId: 'B-1', name: 'Svenja Lindqvist' }],
    })
    expect(imported.statusCode, imported.body).toBe(200)
    expect(await names('svenja lindqivst')).toEqual(['Svenja Lindqvist'])
    const words = await t.db
      .selectFrom('customer_name_words')
      .select('word')
      .where('workspace_id', '=', ws.workspace.id)
      .orderBy('word')
      .execute()
    expect(words.map((w) => w.word)).toEqual([
      'adams',
      'berg',
      'brown',
      'bryan',
      'ingrid',
      'lindqvist',
      'svenja',
    ])
  })

  it('pages through filters whose matches are common, and ones whose matches all sit at the far end', async () => {
    const ws = await t.newWorkspace()
    // 10,050 customers named N00001…N10050: even ones in Germany, the last three in France.
    await sql`
      INSERT INTO customers (workspace_id, id, name, country)
      SELECT ${ws.workspace.id}, centric_uuid7(), 'N' || lpad(g::text, 5, '0'),
        CASE WHEN g > 10047 THEN 'FR' WHEN g % 2 = 0 THEN 'DE' ELSE 'US' END
      FROM generate_series(1, 10050) g`.execute(t.db)
    await sql`ANALYZE customers`.execute(t.db)
    const walk = async (query: string, limit: number) => {
      const seen: string[] = []
      let cursor: string | null = null
      for (let pages = 0; pages < 4; pages++) {
        const url: string = `/api/customers?${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`
        const res = await get(ws, url)
        expect(res.statusCode, res.body).toBe(200)
        seen.push(...res.json().items.map((c: { name: string }) => c.name))
        cursor = res.json().nextCursor
        if (!cursor) break
      }
      return seen
    }
    expect(await walk('sort=name&country=FR', 2)).toEqual(['N10048', 'N10049', 'N10050'])
    expect(await walk('sort=-name&country=FR', 2)).toEqual(['N10050', 'N10049', 'N10048'])
    expect(await walk('sort=name&country=DE', 3)).toEqual([
      'N00002',
      'N00004',
      'N00006',
      'N00008',
      'N00010',
      'N00012',
      'N00014',
      'N00016',
      'N00018',
      'N00020',
      'N00022',
      'N00024',
    ])
    expect(await walk('sort=-name&country=DE', 2)).toEqual([
      'N10046',
      'N10044',
      'N10042',
      'N10040',
      'N10038',
      'N10036',
      'N10034',
      'N10032',
    ])
  })

  it('answers rare combinations of country, stage and tags through the facets index, one workspace at a time', async () => {
    const [a, b] = [await t.newWorkspace(), await t.newWorkspace()]
    const add = async (
      ws: TestWorkspace,
      name: string,
      country: string,
      lifecycleStage: string,
      tags: string[],
    ) =>
      expect((await post(ws, '/api/customers', { name, country, lifecycleStage, tags })).statusCode).toBe(201)
    await add(a, 'Amélie', 'FR', 'customer', ['vip', 'press'])
    await add(a, 'Bruno', 'FR', 'lead', [])
    await add(a, 'Clara', 'DE', 'customer', ['vip'])
    await add(a, 'Diego', 'ES', 'churned', ['vip'])
    await add(a, 'Nobody', 'US', 'customer', [])
    await add(b, 'Elsewhere', 'FR', 'customer', ['vip', 'press'])
    const names = async (query: string) => {
      const res = await get(a, `/api/customers?sort=name&${query}`)
      expect(res.statusCode, res.body).toBe(200)
      return res.json().items.map((c: { name: string }) => c.name)
    }
    expect(await names('country=FR&tag=vip')).toEqual(['Amélie'])
    expect(await names('country=fr&tag=vip,press')).toEqual(['Amélie'])
    expect(await names('country=FR,DE,ES&tag=vip')).toEqual(['Amélie', 'Clara', 'Diego'])
    expect(await names('stage=customer,churned&tag=vip')).toEqual(['Amélie', 'Clara', 'Diego'])
    expect(await names('stage=lead,churned&country=FR')).toEqual(['Bruno'])
    expect(await names('country=US&tag=vip')).toEqual([])
    expect(await names('tag=press')).toEqual(['Amélie'])
  })

  it('ranks exact matches before fuzzy ones and pages through both tiers without repeats', async () => {
    const ws = await t.newWorkspace()
    for (const name of ['Hanna Berg', 'Anna Bergmann', 'Zoe Quinn', 'Anna Berg', 'Berg Anna']) {
      expect((await post(ws, '/api/customers', { name })).statusCode).toBe(201)
    }
    const seen: string[] = []
    let cursor: string | null = null
    do {
      const url: string = `/api/customers?q=anna%20berg&limit=1${cursor ? `&cursor=${cursor}` : ''}`
      const page = (await get(ws, url)).json()
      seen.push(...page.items.map((c: { name: string }) => c.name))
      cursor = page.nextCursor
    } while (cursor)
    // Name prefix and all-words matches first (by name), then the misspelling-tolerant tier.
    expect(seen).toEqual(['Anna Berg', 'Anna Bergmann', 'Berg Anna', 'Hanna Berg'])
  })

  it('filters, sorts and pages through customers with saved segments and live counts', async () => {
    const ws = await t.newWorkspace()
    for (let i = 0; i < 7; i++) {
      const res = await post(ws, '/api/customers', {
        name: `Customer ${String.fromCharCode(71 - i)}`,
        lifecycleStage: i % 2 ? 'lead' : 'customer',
        country: i < 3 ? 'DE' : 'FR',
        tags: i < 2 ? ['vip'] : [],
      })
      expect(res.statusCode).toBe(201)
    }
    const seen: string[] = []
    let cursor: string | null = null
    do {
      const url: string = `/api/customers?sort=name&limit=3&stage=customer${cursor ? `&cursor=${cursor}` : ''}`
      const page = (await get(ws, url)).json()
      seen.push(...page.items.map((c: { name: string }) => c.name))
      cursor = page.nextCursor
    } while (cursor)
    expect(seen).toEqual(['Customer A', 'Customer C', 'Customer E', 'Customer G'])
    const desc = (await get(ws, '/api/customers?sort=-name&country=de'))
      .json()
      .items.map((c: { name: string }) => c.name)
    expect(desc).toEqual(['Customer G', 'Customer F', 'Customer E'])
    expect((await get(ws, '/api/customers?sort=shoe_size')).statusCode).toBe(400)

    const seg = await post(ws, '/api/segments', {
      name: 'German VIPs',
      filter: { countries: ['DE'], tags: ['vip'] },
    })
    expect(seg.statusCode).toBe(201)
    expect(seg.json().count).toBe(2)
    expect((await post(ws, '/api/segments', { name: 'German VIPs', filter: {} })).statusCode).toBe(409)
    const inSegment = (await get(ws, `/api/customers?segment=${seg.json().id}&stage=customer`)).json().items
    expect(inSegment.map((c: { name: string }) => c.name)).toEqual(['Customer G'])
    // The count is live: a new matching customer shows at once.
    await post(ws, '/api/customers', { name: 'Newcomer', country: 'DE', tags: ['vip'] })
    const list = (await get(ws, '/api/segments')).json().items
    expect(list).toMatchObject([{ name: 'German VIPs', count: 3 }])
    const count = await post(ws, '/api/customers/count', { filter: { stages: ['lead'] } })
    expect(count.json()).toEqual({ count: 3 })
  })

  it('keeps contacts under their organisation', async () => {
    const ws = await t.newWorkspace()
    const org = (await post(ws, '/api/customers', { name: 'Acme GmbH', kind: 'organisation' })).json()
    const person = (await post(ws, '/api/customers', { name: 'Ann Acme' })).json()
    const contact = await post(ws, '/api/customers', { name: 'Bob Acme', organisationId: org.id })
    expect(contact.statusCode).toBe(201)
    expect(contact.json().organisationName).toBe('Acme GmbH')
    expect((await post(ws, '/api/customers', { name: 'Bad', organisationId: person.id })).statusCode).toBe(
      400,
    )
    const contacts = (await get(ws, `/api/customers/${org.id}/contacts`)).json().items
    expect(contacts.map((c: { name: string }) => c.name)).toEqual(['Bob Acme'])
    const demote = await t.request({
      method: 'PATCH',
      url: `/api/customers/${org.id}`,
      headers: ws.headers,
      payload: { kind: 'person' },
    })
    expect(demote.statusCode).toBe(400)
  })

  it('lets a viewer read but not write customers', async () => {
    const ws = await t.newWorkspace()
    const viewer = await ws.as('viewer')
    expect((await t.request({ method: 'GET', url: '/api/customers', headers: viewer })).statusCode).toBe(200)
    const res = await t.request({
      method: 'POST',
      url: '/api/customers',
      headers: viewer,
      payload: { name: 'X' },
    })
    expect(res.statusCode).toBe(403)
  })
})
