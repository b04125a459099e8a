import { sql } from 'kysely'
import { z } from 'zod'
import type { Executor } from '../../db/database.js'
import { currentCustomer } from './ledger-customer.queries.js'

export const ReportWindow = z.object({
  since: z.iso.datetime({ offset: true }).optional().describe('Default: 90 days ago'),
  until: z.iso.datetime({ offset: true }).optional().describe('Default: now'),
})

export const BudgetUsageQuery = z.object({
  ...ReportWindow.shape,
  by: z.enum(['agent', 'team', 'tier', 'month']).default('agent'),
})

export const BudgetUsageRow = z.object({
  key: z.string().nullable(),
  label: z.string(),
  grants: z.number().int(),
  granted: z.string(),
  reversed: z.string(),
  net: z.string(),
  approved: z.string().describe('Part of the net that went through an approval'),
})
export type BudgetUsageRow = z.infer<typeof BudgetUsageRow>

const window = (q: z.infer<typeof ReportWindow>) => ({
  since: q.since ? new Date(q.since) : new Date(Date.now() - 90 * 86_400_000),
  until: q.until ? new Date(q.until) : new Date(),
})

/** Goodwill used per agent, team, customer tier or month within a window. */
export async function budgetUsage(
  db: Executor,
  workspaceId: string,
  query: z.infer<typeof BudgetUsageQuery>,
): Promise<BudgetUsageRow[]> {
  const { since, until } = window(query)
  const key = {
    agent: sql`g.agent_user_id::text`,
    team: sql`g.team_id::text`,
    tier: sql`g.customer_tier`,
    month: sql`to_char(g.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM')`,
  }[query.by]
  const label = {
    agent: sql`coalesce(max(u.name), 'API token')`,
    team: sql`coalesce(max(t.name), 'no team')`,
    tier: sql`coalesce(g.customer_tier, 'no tier')`,
    month: sql`to_char(g.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM')`,
  }[query.by]
  const { rows } = await sql<BudgetUsageRow>`
    SELECT ${key} AS key, ${label} AS label,
      count(*) FILTER (WHERE g.entry_kind = 'grant')::int AS grants,
      coalesce(sum(g.amount) FILTER (WHERE g.entry_kind = 'grant'), 0)::text AS granted,
      coalesce(-sum(g.amount) FILTER (WHERE g.entry_kind = 'reversal'), 0)::text AS reversed,
      sum(g.amount)::text AS net,
      coalesce(sum(g.amount) FILTER (WHERE g.approval_id IS NOT NULL), 0)::text AS approved
    FROM grant_ledger g
    LEFT JOIN users u ON u.workspace_id = g.workspace_id AND u.id = g.agent_user_id
    LEFT JOIN service_teams t ON t.workspace_id = g.workspace_id AND t.id = g.team_id
    WHERE g.workspace_id = ${workspaceId} AND g.occurred_at >= ${since} AND g.occurred_at < ${until}
    GROUP BY 1
    ORDER BY sum(g.amount) DESC, 1`.execute(db)
  return rows
}

export const ApprovalStatsView = z.object({
  pending: z.number().int(),
  approved: z.number().int(),
  denied: z.number().int(),
  expired: z.number().int(),
  medianTurnaroundHours: z
    .number()
    .nullable()
    .describe('Request to decision, decided requests in the window'),
  oldestPendingAt: z.date().nullable(),
})

/** Approvals pending now and the turnaround of those decided within the window. */
export async function approvalStats(db: Executor, workspaceId: string, query: z.infer<typeof ReportWindow>) {
  const { since, until } = window(query)
  const { rows } = await sql<z.infer<typeof ApprovalStatsView>>`
    SELECT
      count(*) FILTER (WHERE status = 'pending' AND expires_at > now())::int AS pending,
      count(*) FILTER (WHERE status = 'approved' AND created_at >= ${since} AND created_at < ${until})::int AS approved,
      count(*) FILTER (WHERE status = 'denied' AND created_at >= ${since} AND created_at < ${until})::int AS denied,
      count(*) FILTER (WHERE (status = 'expired' OR (status = 'pending' AND expires_at <= now()))
        AND created_at >= ${since} AND created_at < ${until})::int AS expired,
      (percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM decided_at - created_at) / 3600)
        FILTER (WHERE decided_at IS NOT NULL AND created_at >= ${since} AND created_at < ${until}))::float8
        AS "medianTurnaroundHours",
      min(created_at) FILTER (WHERE status = 'pending' AND expires_at > now()) AS "oldestPendingAt"
    FROM grant_approvals WHERE workspace_id = ${workspaceId}`.execute(db)
  return rows[0]!
}

export const ImpactRow = z.object({
  tier: z.string(),
  granted: z.object({ customers: z.number().int(), repeatRate: z.number().nullable() }),
  comparable: z.object({ customers: z.number().int(), repeatRate: z.number().nullable() }),
  satisfaction: z
    .object({ granted: z.number().nullable(), comparable: z.number().nullable() })
    .nullable()
    .describe('Once a satisfaction provider is registered (feedback): mean score of each group'),
})
export type ImpactRow = z.infer<typeof ImpactRow>

/**
 * A satisfaction source (the feedback module, when it lands, registers one): mean score of the
 * given customers, or null when none answered.
 */
export type SatisfactionProvider = (
  db: Executor,
  workspaceId: string,
  customerIds: string[],
) => Promise<number | null>
let satisfactionProvider: SatisfactionProvider | null = null
export function registerSatisfactionProvider(provider: SatisfactionProvider): void {
  satisfactionProvider = provider
}

/**
 * What empowerment bought: per tier, the share of customers who bought again after their first
 * grant in the window, against customers of the same tier who got no grant, measured after the
 * tier's median first-grant time (so both groups get the same time to come back).
 */
export async function empowermentImpact(
  db: Executor,
  workspaceId: string,
  query: z.infer<typeof ReportWindow>,
): Promise<ImpactRow[]> {
  const { since, until } = window(query)
  const { rows } = await sql<{
    tier: string
    g_customers: number
    g_repeat: number
    c_customers: number
    c_repeat: number
    g_ids: string[]
    c_ids: string[]
  }>`
    WITH ever_granted AS (
      SELECT DISTINCT ${currentCustomer(workspaceId, sql.ref('g.granted_customer_id'))} AS customer_id
      FROM grant_ledger g WHERE g.workspace_id = ${workspaceId}
    ), first_grant AS (
      SELECT ${currentCustomer(workspaceId, sql.ref('g.granted_customer_id'))} AS customer_id, min(g.occurred_at) AS at
      FROM grant_ledger g
      WHERE g.workspace_id = ${workspaceId} AND g.entry_kind = 'grant'
        AND g.occurred_at >= ${since} AND g.occurred_at < ${until}
      GROUP BY 1
    ), granted AS (
      SELECT c.id, coalesce(c.tier, 'no tier') AS tier, f.at,
        EXISTS (SELECT 1 FROM purchases p WHERE p.workspace_id = c.workspace_id AND p.customer_id = c.id
          AND p.status = 'completed' AND p.occurred_at > f.at) AS repeat
      FROM first_grant f JOIN customers c ON c.workspace_id = ${workspaceId} AND c.id = f.customer_id
    ), pivot AS (
      SELECT tier, to_timestamp(percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM at))) AS at
      FROM granted GROUP BY tier
    ), comparable AS (
      SELECT c.id, coalesce(c.tier, 'no tier') AS tier,
        EXISTS (SELECT 1 FROM purchases p WHERE p.workspace_id = c.workspace_id AND p.customer_id = c.id
          AND p.status = 'completed' AND p.occurred_at > v.at) AS repeat
      FROM customers c JOIN pivot v ON v.tier = coalesce(c.tier, 'no tier')
      WHERE c.workspace_id = ${workspaceId} AND c.orders_count > 0
        AND NOT EXISTS (SELECT 1 FROM ever_granted e WHERE e.customer_id = c.id)
    )
    SELECT v.tier,
      (SELECT count(*) FROM granted g WHERE g.tier = v.tier)::int AS g_customers,
      (SELECT count(*) FROM granted g WHERE g.tier = v.tier AND g.repeat)::int AS g_repeat,
      (SELECT count(*) FROM comparable c WHERE c.tier = v.tier)::int AS c_customers,
      (SELECT count(*) FROM comparable c WHERE c.tier = v.tier AND c.repeat)::int AS c_repeat,
      ARRAY(SELECT g.id::text FROM granted g WHERE g.tier = v.tier) AS g_ids,
      ARRAY(SELECT c.id::text FROM comparable c WHERE c.tier = v.tier LIMIT 5000) AS c_ids
    FROM pivot v ORDER BY v.tier`.execute(db)
  const rate = (n: number, d: number) => (d === 0 ? null : n / d)
  const out: ImpactRow[] = []
  for (const r of rows) {
    const satisfaction = satisfactionProvider
      ? {
          granted: await satisfactionProvider(db, workspaceId, r.g_ids),
          comparable: await satisfactionProvider(db, workspaceId, r.c_ids),
        }
      : null
    out.push({
      tier: r.tier,
      granted: { customers: r.g_customers, repeatRate: rate(r.g_repeat, r.g_customers) },
      comparable: { customers: r.c_customers, repeatRate: rate(r.c_repeat, r.c_customers) },
      satisfaction,
    })
  }
  return out
}
