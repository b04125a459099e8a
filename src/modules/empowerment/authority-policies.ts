import { z } from 'zod'
import type { Executor, Row } from '../../db/database.js'
import { findOwned } from '../../db/find-owned.js'
import { newId } from '../../db/ids.js'
import { LIFECYCLE_STAGES } from '../customers/index.js'
import { type Actor, ROLES, recordAudit } from '../platform/index.js'
import { EmpowermentError, unknownReference } from './empowerment.errors.js'
import { AmountInput } from './money.js'

const Labels = z.array(z.string().trim().min(1).max(60)).max(50).default([])

export const PolicyInput = z
  .object({
    name: z.string().trim().min(1).max(80),
    role: z.enum(ROLES as [string, ...string[]]).describe('The role this authority belongs to'),
    teamId: z.uuid().nullable().optional().describe('Only members of this team; null = everyone in the role'),
    maxPerGrant: AmountInput.describe('Largest single grant without approval'),
    maxPerCustomer: AmountInput.nullable()
      .optional()
      .describe(
        'Most granted to one customer within customerPeriodDays (every grant counts); null = no limit',
      ),
    customerPeriodDays: z.number().int().min(1).max(3660).default(30),
    maxPerAgentMonth: AmountInput.nullable()
      .optional()
      .describe('Most one person grants on their own authority per calendar month (UTC); null = no limit'),
    tiers: Labels.describe('Customer value tiers this applies to; empty = all'),
    categories: Labels.describe('Case categories this applies to; empty = all, and grants without a case'),
    stages: z.array(z.enum(LIFECYCLE_STAGES)).max(10).default([]).describe('Lifecycle stages; empty = all'),
    active: z.boolean().default(true),
  })
  .meta({
    examples: [
      {
        name: 'Agents, top tiers',
        role: 'agent',
        maxPerGrant: '150.00',
        maxPerCustomer: '300.00',
        customerPeriodDays: 30,
        maxPerAgentMonth: '1500.00',
        tiers: ['platinum', 'gold'],
      },
    ],
  })
export type PolicyInput = z.input<typeof PolicyInput>

export const PolicyView = z.object({
  id: z.uuid(),
  name: z.string(),
  role: z.string(),
  teamId: z.uuid().nullable(),
  maxPerGrant: z.string(),
  maxPerCustomer: z.string().nullable(),
  customerPeriodDays: z.number().int(),
  maxPerAgentMonth: z.string().nullable(),
  tiers: z.array(z.string()),
  categories: z.array(z.string()),
  stages: z.array(z.string()),
  active: z.boolean(),
  createdAt: z.date(),
  updatedAt: z.date(),
})
export type PolicyView = z.infer<typeof PolicyView>

export const toPolicyView = (r: Row<'authority_policies'>): PolicyView => ({
  id: r.id,
  name: r.name,
  role: r.role,
  teamId: r.team_id,
  maxPerGrant: r.max_per_grant,
  maxPerCustomer: r.max_per_customer,
  customerPeriodDays: r.customer_period_days,
  maxPerAgentMonth: r.max_per_agent_month,
  tiers: r.tiers,
  categories: r.categories,
  stages: r.stages,
  active: r.active,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
})

export async function listAuthorityPolicies(db: Executor, workspaceId: string): Promise<PolicyView[]> {
  const rows = await db
    .selectFrom('authority_policies')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .orderBy('role')
    .orderBy('name')
    .execute()
  return rows.map(toPolicyView)
}

export async function getAuthorityPolicy(db: Executor, workspaceId: string, id: string): Promise<PolicyView> {
  const row = await findOwned(db, 'authority_policies', workspaceId, id)
  if (!row) throw new EmpowermentError('POLICY_NOT_FOUND', `policy ${id} not found`)
  return toPolicyView(row)
}

async function checkRefs(db: Executor, workspaceId: string, p: z.infer<typeof PolicyInput>, except?: string) {
  if (p.teamId && !(await findOwned(db, 'service_teams', workspaceId, p.teamId)))
    throw unknownReference('teamId', 'team')
  let qb = db
    .selectFrom('authority_policies')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('name', '=', p.name)
  if (except) qb = qb.where('id', '<>', except)
  if (await qb.executeTakeFirst()) throw new EmpowermentError('NAME_TAKEN', `a policy named ${p.name} exists`)
}

const columns = (p: z.infer<typeof PolicyInput>) => ({
  name: p.name,
  role: p.role as Row<'authority_policies'>['role'],
  team_id: p.teamId ?? null,
  max_per_grant: p.maxPerGrant,
  max_per_customer: p.maxPerCustomer ?? null,
  customer_period_days: p.customerPeriodDays,
  max_per_agent_month: p.maxPerAgentMonth ?? null,
  tiers: p.tiers,
  categories: p.categories,
  stages: p.stages,
  active: p.active,
})

export async function createAuthorityPolicy(
  db: Executor,
  actor: Actor,
  input: PolicyInput,
): Promise<PolicyView> {
  const p = PolicyInput.parse(input)
  await checkRefs(db, actor.workspaceId, p)
  const row = await db
    .insertInto('authority_policies')
    .values({ workspace_id: actor.workspaceId, id: newId(), ...columns(p) })
    .onConflict((oc) => oc.columns(['workspace_id', 'name']).doNothing())
    .returningAll()
    .executeTakeFirst()
  if (!row) throw new EmpowermentError('NAME_TAKEN', `a policy named ${p.name} exists`)
  const view = toPolicyView(row)
  await recordAudit(db, actor, {
    action: 'empowerment.policy_created',
    entityType: 'authority_policy',
    entityId: row.id,
    after: view,
  })
  return view
}

export async function updateAuthorityPolicy(
  db: Executor,
  actor: Actor,
  id: string,
  input: PolicyInput,
): Promise<PolicyView> {
  const before = await getAuthorityPolicy(db, actor.workspaceId, id)
  const p = PolicyInput.parse(input)
  await checkRefs(db, actor.workspaceId, p, id)
  const row = await db
    .updateTable('authority_policies')
    .set({ ...columns(p), updated_at: new Date() })
    .where('workspace_id', '=', actor.workspaceId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow()
  const view = toPolicyView(row)
  await recordAudit(db, actor, {
    action: 'empowerment.policy_updated',
    entityType: 'authority_policy',
    entityId: id,
    before,
    after: view,
  })
  return view
}

export async function deleteAuthorityPolicy(db: Executor, actor: Actor, id: string): Promise<void> {
  const before = await getAuthorityPolicy(db, actor.workspaceId, id)
  await db
    .deleteFrom('authority_policies')
    .where('workspace_id', '=', actor.workspaceId)
    .where('id', '=', id)
    .execute()
  await recordAudit(db, actor, {
    action: 'empowerment.policy_deleted',
    entityType: 'authority_policy',
    entityId: id,
    before,
  })
}
