import type { Executor } from '../../db/database.js'
import { type Actor, systemActor } from '../platform/index.js'
import {
  bookCallback,
  type CaseChannel,
  changeCaseStatus,
  createCase,
  listCallbackSlots,
  markPlaybookStep,
  mergeCases,
  overrideCasePriority,
  postCaseMessage,
  withTransaction,
} from '../service/index.js'
import { demoRandom } from './demo-random.js'
import { seedDemoServiceConfig } from './demo-service-config.js'

const CASES = 30
const MINUTE = 60_000
const CATEGORIES = {
  Repairs: [
    'Grinder jams after a few seconds',
    'Espresso machine leaks',
    'Pump is very loud',
    'Steam wand stopped working',
  ],
  Delivery: [
    'Parcel has not arrived',
    'Wrong beans delivered',
    'Box arrived damaged',
    'Subscription box skipped a month',
  ],
  Billing: ['Charged twice for one order', 'Invoice needs our VAT number', 'Refund not received yet'],
  'Product question': [
    'Which grind for a moka pot?',
    'Is the house blend decaf-friendly?',
    'Cleaning tablets for my machine?',
  ],
} as const
type Category = keyof typeof CATEGORIES
const REQUIRED_STEPS: Partial<Record<Category, string[]>> = {
  Repairs: ['serial', 'warranty', 'ship'],
  Delivery: ['tracking', 'resend'],
}
const CHANNELS: CaseChannel[] = [
  'email',
  'email',
  'email',
  'phone',
  'phone',
  'chat',
  'chat',
  'web_form',
  'in_person',
]

/**
 * Service-centre demo data: the desk configuration and thirty-odd cases from the last three
 * weeks in every state, replayed through the real use cases at their own times, so that due
 * times, attainment, histories, costs and the customer timeline are what they would have been.
 * Deadlines that passed are left for the SLA sweep, which raises them once the server runs.
 * Skipped when the workspace already has cases.
 */
export async function seedDemoService(db: Executor, workspaceId: string, now = new Date()): Promise<void> {
  // One transaction for the whole replay: several hundred small commits cost far more on the
  // embedded database than the work itself, and a half-seeded desk is never left behind.
  await withTransaction(db, (trx) => seedInTransaction(trx, workspaceId, now))
}

async function seedInTransaction(db: Executor, workspaceId: string, now: Date): Promise<void> {
  const existing = await db
    .selectFrom('cases')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .limit(1)
    .executeTakeFirst()
  if (existing) return
  const system = systemActor(workspaceId)
  const users = await db
    .selectFrom('users')
    .select(['id', 'role'])
    .where('workspace_id', '=', workspaceId)
    .orderBy('name')
    .execute()
  const managerId = users.find((u) => u.role === 'manager')?.id ?? users[0]!.id
  const agents = users.filter((u) => u.role === 'agent').map((u) => u.id)
  if (agents.length === 0) agents.push(managerId)
  await seedDemoServiceConfig(db, system, { managerId, agents })
  const customers = await db
    .selectFrom('customers')
    .select(['id'])
    .where('workspace_id', '=', workspaceId)
    .where('kind', '=', 'person')
    .orderBy('revenue', 'desc')
    .orderBy('id')
    .limit(250)
    .execute()
  const rnd = demoRandom(6006)
  const agentActor = (userId: string | null): Actor => ({
    workspaceId,
    userId: userId ?? agents[0]!,
    tokenId: null,
    role: 'agent',
  })
  const start = now.getTime() - 21 * 24 * 60 * MINUTE
  const opened = Array.from(
    { length: CASES },
    () => start + rnd.next() * (now.getTime() - start - 20 * MINUTE),
  ).sort((a, b) => a - b)
  const ids: { id: string; customerId: string | null }[] = []
  for (const [i, t0] of opened.entries()) {
    const category = rnd.pick(Object.keys(CATEGORIES) as Category[])
    const internal = rnd.chance(0.08)
    const customerId = internal ? null : rnd.pick(customers.slice(0, rnd.chance(0.3) ? 25 : 250)).id
    const c = await createCase(
      db,
      system,
      {
        channel: internal ? 'internal' : rnd.pick(CHANNELS),
        ...(internal
          ? { department: rnd.pick(['Finance', 'Logistics', 'Marketing', 'IT']) }
          : { customerId: customerId! }),
        subject: rnd.pick(CATEGORIES[category]),
        description: 'Reported by the customer; see the conversation.',
        category,
        urgency: rnd.pick(['low', 'medium', 'medium', 'medium', 'high', 'critical'] as const),
        tags: rnd.chance(0.2) ? ['follow-up'] : [],
      },
      { now: new Date(t0) },
    )
    ids.push({ id: c.id, customerId })
    // The newest two stay untouched: every demo has new cases waiting for a first answer.
    if (i >= CASES - 2) continue
    await playCase(db, { id: c.id, category, agent: agentActor(c.assigneeId), t0, now, rnd, i })
  }
  // Every status on show: the two most recent open cases wait, one on the customer, one on a carrier.
  const open = await db
    .selectFrom('cases')
    .select(['id', 'assignee_id'])
    .where('workspace_id', '=', workspaceId)
    .where('status', '=', 'open')
    .orderBy('opened_at', 'desc')
    .limit(2)
    .execute()
  const waitAt = { now: new Date(now.getTime() - 5 * MINUTE) }
  if (open[0])
    await changeCaseStatus(
      db,
      agentActor(open[0].assignee_id),
      open[0].id,
      { status: 'waiting_on_customer' },
      waitAt,
    )
  if (open[1])
    await changeCaseStatus(
      db,
      agentActor(open[1].assignee_id),
      open[1].id,
      { status: 'waiting_on_third_party', reason: 'part on order' },
      waitAt,
    )
  // A duplicate merged into its original, and a priority override with its reason.
  const original = await db
    .selectFrom('cases')
    .select(['id', 'customer_id as customerId'])
    .where('workspace_id', '=', workspaceId)
    .where('status', 'in', ['new', 'open'])
    .where('customer_id', 'is not', null)
    .orderBy('opened_at', 'desc')
    .executeTakeFirst()
  if (original) {
    const dup = await createCase(
      db,
      system,
      {
        channel: 'chat',
        customerId: original.customerId!,
        subject: 'Same problem as in my email',
        category: 'Delivery',
      },
      { now: new Date(now.getTime() - 30 * MINUTE) },
    )
    await mergeCases(
      db,
      system,
      original.id,
      { duplicateId: dup.id },
      { now: new Date(now.getTime() - 25 * MINUTE) },
    )
  }
  // Callbacks: one promised for the next open slot, one whose window passed without a call (the
  // sweep reports it missed once the server runs).
  const newest = ids.at(-1)
  const next = (await listCallbackSlots(db, workspaceId, { days: 7 }, now)).slots.find((x) => x.available > 0)
  if (newest && next)
    await bookCallback(
      db,
      system,
      newest.id,
      { slotStart: next.start.toISOString(), phone: '+49 30 5550100' },
      { now },
    )
  const older = await db
    .selectFrom('cases')
    .select(['id', 'opened_at'])
    .where('workspace_id', '=', workspaceId)
    .where('status', 'in', ['open', 'waiting_on_customer', 'waiting_on_third_party'])
    .orderBy('opened_at')
    .executeTakeFirst()
  if (older) {
    const booked = new Date(older.opened_at.getTime() + MINUTE)
    const slot = (await listCallbackSlots(db, workspaceId, { days: 7 }, booked)).slots.find(
      (x) =>
        x.start.getTime() > booked.getTime() + 30 * MINUTE && x.end.getTime() < now.getTime() - 10 * MINUTE,
    )
    if (slot)
      await bookCallback(
        db,
        system,
        older.id,
        { slotStart: slot.start.toISOString(), phone: '+49 30 5550101' },
        { now: booked },
      )
  }
  const last = ids.at(-1)
  if (last)
    await overrideCasePriority(db, system, last.id, {
      priority: 'urgent',
      reason: 'Café owner, machine down during opening hours',
    })
}

interface Play {
  id: string
  category: Category
  agent: Actor
  t0: number
  now: Date
  rnd: ReturnType<typeof demoRandom>
  i: number
}

/** One case's life after it opened; steps that would lie in the future do not happen (yet). */
async function playCase(db: Executor, p: Play) {
  const { rnd, agent } = p
  let at = p.t0
  const step = (minutes: number) => {
    at += Math.round(minutes) * MINUTE
    return at < p.now.getTime() - MINUTE ? new Date(at) : null
  }
  const slow = rnd.chance(0.15)
  let when = step(slow ? 300 + rnd.exp(600) : 5 + rnd.exp(60))
  if (!when) return
  await postCaseMessage(
    db,
    agent,
    p.id,
    { body: 'Thanks for getting in touch, we are on it.' },
    { now: when },
  )
  if (p.category === 'Repairs' && rnd.chance(0.25)) {
    const slots = await listCallbackSlots(db, agent.workspaceId, { days: 3 }, when)
    const slot = slots.slots.find((s) => s.available > 0 && s.start.getTime() > at + 60 * MINUTE)
    if (slot)
      await bookCallback(
        db,
        agent,
        p.id,
        { slotStart: slot.start.toISOString(), phone: '+49 30 5550100' },
        { now: when },
      )
  }
  if (rnd.chance(0.35)) {
    await changeCaseStatus(db, agent, p.id, { status: 'waiting_on_customer' }, { now: when })
    when = step(30 + rnd.exp(900))
    if (!when || rnd.chance(0.2)) return // still waiting on the customer
    await postCaseMessage(
      db,
      agent,
      p.id,
      { author: 'customer', body: 'Here is what you asked for.' },
      { now: when },
    )
    when = step(10 + rnd.exp(120))
    if (!when) return
    await postCaseMessage(db, agent, p.id, { body: 'Thank you, that helps.' }, { now: when })
  } else if (rnd.chance(0.1)) {
    await changeCaseStatus(
      db,
      agent,
      p.id,
      { status: 'waiting_on_third_party', reason: 'waiting for the carrier' },
      { now: when },
    )
    if (rnd.chance(0.5)) return
  }
  when = step(60 + rnd.exp(slow ? 3000 : 1200))
  if (!when) return
  for (const stepId of REQUIRED_STEPS[p.category] ?? [])
    await markPlaybookStep(db, agent, p.id, stepId, { done: true }, { now: when })
  await changeCaseStatus(db, agent, p.id, { status: 'resolved' }, { now: when })
  if (rnd.chance(0.08)) {
    when = step(60 + rnd.exp(600))
    if (when)
      await postCaseMessage(
        db,
        agent,
        p.id,
        { author: 'customer', body: 'It happened again.' },
        { now: when },
      )
    return
  }
  when = step(3 * 24 * 60)
  if (when) await changeCaseStatus(db, agent, p.id, { status: 'closed' }, { now: when })
}
