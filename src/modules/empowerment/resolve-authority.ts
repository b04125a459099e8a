import { sql } from 'kysely'
import type { Executor, Role, Row } from '../../db/database.js'
import { grantsOfCustomer } from './ledger-customer.queries.js'
import { fromCents, minCents, toCents } from './money.js'

/** Whose authority: a person (userId) or an API token acting in a role. */
export interface Who {
  role: Role
  userId: string | null
  tokenId: string | null
}

export interface GrantSubject {
  customer: Pick<Row<'customers'>, 'id' | 'tier' | 'lifecycle_stage'>
  case: Pick<Row<'cases'>, 'id' | 'category' | 'team_id'> | null
}

/** What a policy said when it was applied: stored on every ledger entry and approval request. */
export type PolicySnapshot = {
  policyId: string | null
  name: string
  role: Role
  teamId: string | null
  unlimited: boolean
  maxPerGrant: string | null
  maxPerCustomer: string | null
  customerPeriodDays: number
  maxPerAgentMonth: string | null
  tiers: string[]
  categories: string[]
  stages: string[]
}

export interface Authority {
  policy: PolicySnapshot
  customerUsed: bigint
  agentUsed: bigint
  /** Largest grant possible now; null = unlimited. */
  remaining: bigint | null
}

/** Owners and admins without a policy of their own are the top of the approval chain. */
const UNLIMITED_ROLES: readonly Role[] = ['owner', 'admin']
const DEFAULT_PERIOD_DAYS = 30

const snapshotOf = (p: Row<'authority_policies'>): PolicySnapshot => ({
  policyId: p.id,
  name: p.name,
  role: p.role,
  teamId: p.team_id,
  unlimited: false,
  maxPerGrant: p.max_per_grant,
  maxPerCustomer: p.max_per_customer,
  customerPeriodDays: p.customer_period_days,
  maxPerAgentMonth: p.max_per_agent_month,
  tiers: p.tiers,
  categories: p.categories,
  stages: p.stages,
})

const noPolicy = (role: Role): PolicySnapshot => ({
  policyId: null,
  name: UNLIMITED_ROLES.includes(role) ? `${role} (no limit set)` : 'no authority',
  role,
  teamId: null,
  unlimited: UNLIMITED_ROLES.includes(role),
  maxPerGrant: UNLIMITED_ROLES.includes(role) ? null : '0.00',
  maxPerCustomer: null,
  customerPeriodDays: DEFAULT_PERIOD_DAYS,
  maxPerAgentMonth: null,
  tiers: [],
  categories: [],
  stages: [],
})

/** A condition list matches when empty or when it holds the value. */
const fits = (allowed: string[], value: string | null | undefined) =>
  allowed.length === 0 || (value != null && allowed.includes(value))

export function policyMatches(p: Row<'authority_policies'>, subject: GrantSubject): boolean {
  return (
    fits(p.tiers, subject.customer.tier) &&
    fits(p.categories, subject.case?.category) &&
    fits(p.stages, subject.customer.lifecycle_stage)
  )
}

/** The active policies of a role whose conditions fit the customer and case, most generous first. */
export async function matchingPolicies(
  db: Executor,
  workspaceId: string,
  role: Role,
  subject: GrantSubject,
  userId: string | null,
): Promise<Row<'authority_policies'>[]> {
  const rows = await db
    .selectFrom('authority_policies')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('role', '=', role)
    .where('active', '=', true)
    .where((eb) =>
      eb.or([
        eb('team_id', 'is', null),
        eb(
          'team_id',
          'in',
          eb
            .selectFrom('service_team_members')
            .select('team_id')
            .where('workspace_id', '=', workspaceId)
            .where('user_id', '=', userId ?? '00000000-0000-0000-0000-000000000000'),
        ),
      ]),
    )
    .execute()
  return rows
    .filter((p) => policyMatches(p, subject))
    .sort((a, b) => {
      const d = toCents(b.max_per_grant) - toCents(a.max_per_grant)
      if (d !== 0n) return d > 0n ? 1 : -1
      return Number(b.team_id !== null) - Number(a.team_id !== null)
    })
}

/** Net amount granted to a customer within the last `days` (every grant and reversal counts). */
export async function customerUsage(db: Executor, workspaceId: string, customerId: string, days: number) {
  const { rows } = await sql<{ used: string }>`
    SELECT coalesce(sum(amount), 0)::text AS used FROM grant_ledger
    WHERE workspace_id = ${workspaceId} AND ${grantsOfCustomer(workspaceId, customerId, sql.ref('granted_customer_id'))}
      AND occurred_at > now() - make_interval(days => ${days}::int)`.execute(db)
  return toCents(rows[0]?.used ?? '0')
}

/** Net amount a person (or token) granted on their own authority this calendar month (UTC). */
export async function agentUsage(db: Executor, workspaceId: string, who: Who) {
  if (!who.userId && !who.tokenId) return 0n
  const agent = who.userId
    ? sql`agent_user_id = ${who.userId}`
    : sql`agent_user_id IS NULL AND agent_token_id = ${who.tokenId}`
  const { rows } = await sql<{ used: string }>`
    SELECT coalesce(sum(amount), 0)::text AS used FROM grant_ledger
    WHERE workspace_id = ${workspaceId} AND ${agent} AND approval_id IS NULL
      AND occurred_at >= date_trunc('month', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'`.execute(db)
  return toCents(rows[0]?.used ?? '0')
}

/**
 * How much `who` may grant this customer (for this case) right now without asking anyone. The
 * caller holds the budget locks when it acts on the answer (see lock-budgets.ts).
 */
export async function resolveAuthority(
  db: Executor,
  workspaceId: string,
  who: Who,
  subject: GrantSubject,
  opts: { countAgentMonth?: boolean } = {},
): Promise<Authority> {
  const best = (await matchingPolicies(db, workspaceId, who.role, subject, who.userId))[0]
  const policy = best ? snapshotOf(best) : noPolicy(who.role)
  const customerUsed = await customerUsage(db, workspaceId, subject.customer.id, policy.customerPeriodDays)
  const agentUsed = opts.countAgentMonth === false ? 0n : await agentUsage(db, workspaceId, who)
  if (policy.unlimited) return { policy, customerUsed, agentUsed, remaining: null }
  const limit = (max: string | null, used: bigint) => (max === null ? null : toCents(max) - used)
  const remaining = minCents(
    policy.maxPerGrant === null ? null : toCents(policy.maxPerGrant),
    limit(policy.maxPerCustomer, customerUsed),
    opts.countAgentMonth === false ? null : limit(policy.maxPerAgentMonth, agentUsed),
  )
  return { policy, customerUsed, agentUsed, remaining: remaining !== null && remaining < 0n ? 0n : remaining }
}

/** Who an approval goes to: a manager if some manager policy covers it, otherwise an admin. */
export async function approvalRoute(
  db: Executor,
  workspaceId: string,
  subject: GrantSubject,
  amount: bigint,
): Promise<'manager' | 'admin'> {
  const managers = await db
    .selectFrom('authority_policies')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('role', '=', 'manager')
    .where('active', '=', true)
    .execute()
  for (const p of managers.filter((m) => policyMatches(m, subject))) {
    if (toCents(p.max_per_grant) < amount) continue
    if (p.max_per_customer !== null) {
      const used = await customerUsage(db, workspaceId, subject.customer.id, p.customer_period_days)
      if (used + amount > toCents(p.max_per_customer)) continue
    }
    return 'manager'
  }
  return 'admin'
}

export const authorityNumbers = (a: Authority) => ({
  remaining: a.remaining === null ? null : fromCents(a.remaining),
  customerUsed: fromCents(a.customerUsed),
  agentUsedThisMonth: fromCents(a.agentUsed),
  policy: a.policy,
})
