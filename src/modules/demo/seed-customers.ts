import { sql } from 'kysely'
import type { Executor, NewRow } from '../../db/database.js'
import { newId } from '../../db/ids.js'
import { createAttributeDefinition, createSegment, recordNameWords } from '../customers/index.js'
import { systemActor } from '../platform/index.js'
import { refreshCustomerTotals } from '../purchases/index.js'
import { PRODUCTS, REGIONS } from './demo-people.js'
import { demoRandom } from './demo-random.js'

const PEOPLE = 420
const CHANNELS = ['web', 'web', 'web', 'app', 'store', 'phone'] as const
const DAY = 86_400_000

/**
 * Customers with a believable purchase history: organisations with contacts, people across five
 * countries, a few heavy buyers, many occasional ones, some who stopped buying, and refunds.
 * Skipped when the workspace already has customers.
 */
export async function seedDemoCustomers(
  db: Executor,
  workspaceId: string,
  ownerIds: string[],
  now = new Date(),
) {
  const existing = await db
    .selectFrom('customers')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .limit(1)
    .executeTakeFirst()
  if (existing) return
  const actor = systemActor(workspaceId)
  const rnd = demoRandom(4242)

  await createAttributeDefinition(db, actor, {
    key: 'plan',
    label: 'Subscription plan',
    type: 'select',
    options: ['none', 'monthly', 'quarterly'],
  })
  await createAttributeDefinition(db, actor, {
    key: 'machine_owner',
    label: 'Owns an espresso machine',
    type: 'boolean',
  })
  await createAttributeDefinition(db, actor, {
    key: 'grind',
    label: 'Preferred grind',
    type: 'select',
    options: ['whole bean', 'espresso', 'filter'],
  })
  await createAttributeDefinition(db, actor, { key: 'birthday', label: 'Birthday', type: 'date' })
  await createAttributeDefinition(db, actor, {
    key: 'interests',
    label: 'Interests',
    type: 'multiselect',
    options: ['espresso', 'filter', 'latte art', 'decaf'],
  })

  const products: NewRow<'products'>[] = PRODUCTS.map((p) => ({
    workspace_id: workspaceId,
    id: newId(),
    sku: p.sku,
    name: p.name,
    category: p.category,
    list_price: p.price,
    unit_cost: p.cost,
  }))
  await db.insertInto('products').values(products).execute()

  const customers: NewRow<'customers'>[] = []
  const orgIds: string[] = []
  let serial = 1000
  for (const region of REGIONS) {
    for (const org of region.orgs) {
      const id = newId()
      orgIds.push(id)
      customers.push({
        workspace_id: workspaceId,
        id,
        external_id: `ORG-${++serial}`,
        kind: 'organisation',
        name: org,
        emails: [`orders@${org.toLowerCase().replace(/[^a-z]+/g, '')}.example`],
        country: region.country,
        language: region.language,
        timezone: region.timezone,
        tags: ['b2b'],
        owner_id: rnd.pick(ownerIds),
        created_at: new Date(now.getTime() - rnd.int(500, 900) * DAY),
      })
    }
  }
  for (let i = 0; i < PEOPLE; i++) {
    const region = rnd.pick(REGIONS)
    const first = rnd.pick(region.first)
    const last = rnd.pick(region.last)
    const local = `${first}.${last}`
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
    const contactOf = rnd.chance(0.06) ? rnd.pick(orgIds) : null
    const stage = rnd.chance(0.08) ? 'lead' : rnd.chance(0.05) ? 'prospect' : 'customer'
    const attributes: Record<string, unknown> = {}
    if (rnd.chance(0.7)) attributes.grind = rnd.pick(['whole bean', 'espresso', 'filter'])
    if (rnd.chance(0.4)) attributes.machine_owner = rnd.chance(0.5)
    if (rnd.chance(0.3)) attributes.plan = rnd.pick(['none', 'monthly', 'quarterly'])
    if (rnd.chance(0.25))
      attributes.birthday = `19${rnd.int(55, 99)}-${String(rnd.int(1, 12)).padStart(2, '0')}-${String(rnd.int(1, 28)).padStart(2, '0')}`
    if (rnd.chance(0.35))
      attributes.interests = [
        ...new Set([
          rnd.pick(['espresso', 'filter', 'latte art', 'decaf']),
          rnd.pick(['espresso', 'filter']),
        ]),
      ]
    customers.push({
      workspace_id: workspaceId,
      id: newId(),
      external_id: `C-${++serial}`,
      kind: 'person',
      name: `${first} ${last}`,
      organisation_id: contactOf,
      emails: [`${local}${rnd.int(1, 99)}@example.${region.country.toLowerCase()}`],
      phones: rnd.chance(0.6) ? [`${region.phone}${rnd.int(100000000, 999999999)}`] : [],
      country: region.country,
      language: region.language,
      timezone: region.timezone,
      lifecycle_stage: stage,
      tags: rnd.chance(0.15) ? ['newsletter'] : [],
      owner_id: rnd.chance(0.2) ? rnd.pick(ownerIds) : null,
      attributes: JSON.stringify(attributes),
      created_at: new Date(now.getTime() - rnd.int(20, 900) * DAY),
    })
  }
  // A near-duplicate pair for the merge feature to find.
  customers.push({
    workspace_id: workspaceId,
    id: newId(),
    external_id: `C-${++serial}`,
    name: 'Anna Mueller',
    emails: ['anna.mueller@example.de'],
    country: 'DE',
    language: 'de',
    timezone: 'Europe/Berlin',
    created_at: new Date(now.getTime() - 300 * DAY),
  })
  customers.push({
    workspace_id: workspaceId,
    id: newId(),
    external_id: `SHOP-${++serial}`,
    name: 'Anna Müller',
    emails: ['anna.mueller@example.de'],
    phones: ['+4915112345678'],
    country: 'DE',
    created_at: new Date(now.getTime() - 40 * DAY),
  })
  for (let i = 0; i < customers.length; i += 200)
    await db
      .insertInto('customers')
      .values(customers.slice(i, i + 200))
      .execute()
  await recordNameWords(
    db,
    workspaceId,
    customers.map((c) => c.name as string),
  )

  // Purchase histories: each buyer buys at their own rate until they (maybe) stop.
  const purchases: NewRow<'purchases'>[] = []
  let line = 0
  for (const c of customers) {
    if (c.lifecycle_stage === 'lead' || c.lifecycle_stage === 'prospect') continue
    const created = (c.created_at as Date).getTime()
    const heavy = c.kind === 'organisation' || rnd.chance(0.08)
    const meanGap = heavy ? rnd.int(12, 30) : rnd.int(45, 200)
    const stopsAt = rnd.chance(0.35) ? created + rnd.int(60, 500) * DAY : now.getTime()
    for (
      let t = created + rnd.exp(meanGap / 2) * DAY;
      t < Math.min(stopsAt, now.getTime());
      t += rnd.exp(meanGap) * DAY
    ) {
      const items = heavy ? rnd.int(1, 4) : rnd.int(1, 2)
      for (let k = 0; k < items; k++) {
        const p = rnd.chance(0.7) ? products[rnd.int(0, 5)] : rnd.pick(products)
        if (!p) continue
        const quantity =
          c.kind === 'organisation' && p.category === 'Coffee' ? rnd.int(4, 20) : rnd.chance(0.8) ? 1 : 2
        const price = Number(p.list_price)
        purchases.push({
          workspace_id: workspaceId,
          id: newId(),
          external_id: `ORD-${100000 + Math.floor(line / 3)}-${++line}`,
          customer_id: c.id,
          product_id: p.id,
          quantity,
          // Cents as integers, then formatted: no floating-point residue in the stored decimal.
          amount: ((Math.round(price * 100) * quantity) / 100).toFixed(2),
          cost: ((Math.round(Number(p.unit_cost) * 100) * quantity) / 100).toFixed(2),
          occurred_at: new Date(t),
          channel: rnd.pick(CHANNELS),
          status: rnd.chance(0.03) ? 'refunded' : 'completed',
        })
      }
    }
  }
  for (let i = 0; i < purchases.length; i += 500)
    await db
      .insertInto('purchases')
      .values(purchases.slice(i, i + 500))
      .execute()
  await refreshCustomerTotals(db, workspaceId)

  // Hand-set tiers by revenue rank until the value engine computes them.
  await sql`
    UPDATE customers c SET tier = CASE
        WHEN r.rank < 0.05 THEN 'platinum' WHEN r.rank < 0.2 THEN 'gold'
        WHEN r.rank < 0.5 THEN 'silver' ELSE 'bronze' END,
      tier_source = 'manual'
    FROM (SELECT id, percent_rank() OVER (ORDER BY revenue DESC, id) AS rank
          FROM customers WHERE workspace_id = ${workspaceId} AND orders_count > 0) r
    WHERE c.workspace_id = ${workspaceId} AND c.id = r.id`.execute(db)

  await createSegment(db, actor, { name: 'Platinum and gold', filter: { tiers: ['platinum', 'gold'] } })
  await createSegment(db, actor, {
    name: 'Lapsed buyers',
    filter: { lastPurchaseBefore: new Date(now.getTime() - 180 * DAY).toISOString(), ordersMin: 2 },
  })
  await createSegment(db, actor, {
    name: 'Espresso machine owners',
    filter: { attributes: [{ key: 'machine_owner', op: 'eq', value: true }] },
  })
  await createSegment(db, actor, { name: 'Business accounts', filter: { kind: 'organisation' } })
}
