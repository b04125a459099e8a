import type { Executor } from '../../db/database.js'
import {
  type ActionTypeInput,
  createActionType,
  createAuthorityPolicy,
  createGrant,
  decideApproval,
  type PolicyInput,
} from '../empowerment/index.js'
import { type Actor, systemActor } from '../platform/index.js'

const ACTIONS: ActionTypeInput[] = [
  { kind: 'refund', name: 'Refund', costRule: 'entered' },
  { kind: 'account_credit', name: 'Account credit', costRule: 'entered' },
  { kind: 'gift', name: 'Gift box', costRule: 'fixed', fixedAmount: '25.00' },
  { kind: 'free_upgrade', name: 'Free express upgrade', costRule: 'fixed', fixedAmount: '12.00' },
  { kind: 'waived_fee', name: 'Waived fee', costRule: 'entered' },
  { kind: 'onsite_repair', name: 'On-site repair', costRule: 'fixed', fixedAmount: '140.00' },
]

// Service level follows value: agents may do more, unasked, for the best customers.
const POLICIES: PolicyInput[] = [
  {
    name: 'Agents',
    role: 'agent',
    maxPerGrant: '50.00',
    maxPerCustomer: '100.00',
    maxPerAgentMonth: '1500.00',
  },
  {
    name: 'Agents, top tiers',
    role: 'agent',
    maxPerGrant: '150.00',
    maxPerCustomer: '300.00',
    maxPerAgentMonth: '1500.00',
    tiers: ['platinum', 'gold'],
  },
  { name: 'Managers', role: 'manager', maxPerGrant: '500.00', maxPerCustomer: '1000.00' },
]

/**
 * The demo's goodwill: action types, authority per role and tier, a few grants on real cases by
 * the demo agents (one approved by the manager) and two requests waiting in the manager's inbox.
 * Runs once per workspace: a workspace with action types is left as it is.
 */
export async function seedDemoEmpowerment(db: Executor, workspaceId: string): Promise<void> {
  const seeded = await db
    .selectFrom('grant_action_types')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .executeTakeFirst()
  if (seeded) return
  const system = systemActor(workspaceId)
  const actions = []
  for (const a of ACTIONS) actions.push(await createActionType(db, system, a))
  for (const p of POLICIES) await createAuthorityPolicy(db, system, p)
  const staff = await db
    .selectFrom('users')
    .select(['id', 'role'])
    .where('workspace_id', '=', workspaceId)
    .where('role', 'in', ['agent', 'manager'])
    .orderBy('id')
    .execute()
  const agents = staff.filter((u) => u.role === 'agent')
  const manager = staff.find((u) => u.role === 'manager')
  if (agents.length === 0 || !manager) return
  const cases = await db
    .selectFrom('cases')
    .select(['id', 'customer_id'])
    .where('workspace_id', '=', workspaceId)
    .where('customer_id', 'is not', null)
    .orderBy('number')
    .limit(12)
    .execute()
  const as = (userId: string, role: 'agent' | 'manager'): Actor => ({
    workspaceId,
    userId,
    tokenId: null,
    role,
  })
  const [refund, credit, gift, upgrade] = actions
  const plan = [
    { action: credit!, amount: '15.00', reason: 'Delivery two days late' },
    { action: gift!, reason: 'Broken on arrival; replacement sent' },
    { action: refund!, amount: '29.90', reason: 'Charged twice for one order' },
    { action: upgrade!, reason: 'Express shipping for the replacement' },
    { action: credit!, amount: '10.00', reason: 'Long wait on the phone' },
    { action: refund!, amount: '45.00', reason: 'Part missing from the set' },
    { action: credit!, amount: '180.00', reason: 'Third failed repair; keep the customer' },
    { action: refund!, amount: '220.00', reason: 'Full refund of a faulty device' },
    { action: credit!, amount: '160.00', reason: 'Wrong item twice; goodwill' },
  ]
  const approvals: string[] = []
  for (const [i, step] of plan.entries()) {
    const c = cases[i]
    if (!c?.customer_id) break
    const outcome = await createGrant(db, as(agents[i % agents.length]!.id, 'agent'), {
      customerId: c.customer_id,
      caseId: c.id,
      actionTypeId: step.action.id,
      amount: step.amount,
      reason: step.reason,
      requestApproval: true,
    })
    if (outcome.approval) approvals.push(outcome.approval.id)
  }
  // The first request is decided; the others wait in the manager's inbox.
  if (approvals[0])
    await decideApproval(db, as(manager.id, 'manager'), approvals[0], {
      decision: 'approve',
      reason: 'Long-standing customer; worth keeping',
    })
}
