import { sql } from 'kysely'
import type { Executor, Row } from '../../../db/database.js'
import type { CaseChannel } from '../cases/case.constants.js'

/** What routing looks at: the new case and its customer. */
export interface RoutingFacts {
  channel: CaseChannel
  category: string | null
  tier: string | null
  requesterKind: 'customer' | 'internal'
  /** The customer's owner (key-account manager), if any. */
  ownerId: string | null
}

export interface RoutingDecision {
  teamId: string | null
  assigneeId: string | null
  ruleId: string | null
  /** How the assignee was chosen, for the case history. */
  how: 'given' | 'key_account_owner' | 'round_robin' | 'least_loaded' | 'queue'
}

const lower = (xs: string[]) => xs.map((x) => x.toLowerCase())

function matches(rule: Row<'routing_rules'>, f: RoutingFacts): boolean {
  if (rule.match_channels.length && !rule.match_channels.includes(f.channel)) return false
  if (
    rule.match_categories.length &&
    !(f.category && lower(rule.match_categories).includes(f.category.toLowerCase()))
  )
    return false
  if (rule.match_tiers.length && !(f.tier && rule.match_tiers.includes(f.tier))) return false
  if (rule.match_requester && rule.match_requester !== f.requesterKind) return false
  return true
}

/**
 * Team and assignee for a new case. An explicit team or assignee wins; otherwise the first active
 * rule (by position) that matches gives the team and how to pick a member, and cases no rule
 * matches go to the default team's queue unassigned.
 */
export async function routeCase(
  trx: Executor,
  workspaceId: string,
  facts: RoutingFacts,
  given: { teamId?: string | undefined; assigneeId?: string | undefined; defaultTeamId: string | null },
): Promise<RoutingDecision> {
  const rules = await trx
    .selectFrom('routing_rules')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('active', '=', true)
    .$if(given.teamId !== undefined, (qb) => qb.where('team_id', '=', given.teamId as string))
    .orderBy('position')
    .orderBy('id')
    .execute()
  const rule = rules.find((r) => matches(r, facts)) ?? null
  const teamId = given.teamId ?? rule?.team_id ?? given.defaultTeamId
  if (given.assigneeId)
    return { teamId, assigneeId: given.assigneeId, ruleId: rule?.id ?? null, how: 'given' }
  if (!rule || rule.strategy === 'manual' || !teamId)
    return { teamId, assigneeId: null, ruleId: rule?.id ?? null, how: 'queue' }
  const picked = await pickMember(trx, workspaceId, rule, facts)
  return { teamId, assigneeId: picked?.userId ?? null, ruleId: rule.id, how: picked?.how ?? 'queue' }
}

async function pickMember(
  trx: Executor,
  workspaceId: string,
  rule: Row<'routing_rules'>,
  facts: RoutingFacts,
): Promise<{ userId: string; how: RoutingDecision['how'] } | null> {
  const members = await trx
    .selectFrom('service_team_members as m')
    .innerJoin('users as u', (j) =>
      j.onRef('u.workspace_id', '=', 'm.workspace_id').onRef('u.id', '=', 'm.user_id'),
    )
    .select(['m.user_id', 'm.skills', 'm.max_open', 'm.last_assigned_at'])
    .where('m.workspace_id', '=', workspaceId)
    .where('m.team_id', '=', rule.team_id)
    .where('m.available', '=', true)
    .where('u.active', '=', true)
    .execute()
  if (members.length === 0) return null
  // Open-case counts only when they matter: a load strategy, or a member with a ceiling.
  const load = new Map<string, number>()
  if (rule.strategy === 'least_loaded' || members.some((m) => m.max_open !== null)) {
    const counts = await trx
      .selectFrom('cases')
      .select(['assignee_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('workspace_id', '=', workspaceId)
      .where(
        'assignee_id',
        'in',
        members.map((m) => m.user_id),
      )
      .where('status', 'not in', ['resolved', 'closed'])
      .groupBy('assignee_id')
      .execute()
    for (const c of counts) if (c.assignee_id) load.set(c.assignee_id, Number(c.n))
  }
  let candidates = members.filter((m) => m.max_open === null || (load.get(m.user_id) ?? 0) < m.max_open)
  if (candidates.length === 0) return null
  if (rule.key_account_first && facts.ownerId && candidates.some((m) => m.user_id === facts.ownerId)) {
    await touch(trx, workspaceId, rule.team_id, facts.ownerId)
    return { userId: facts.ownerId, how: 'key_account_owner' }
  }
  if (rule.use_skills && facts.category) {
    const wanted = facts.category.toLowerCase()
    const skilled = candidates.filter((m) => lower(m.skills).includes(wanted))
    if (skilled.length > 0) candidates = skilled
  }
  const byWait = (a: (typeof candidates)[number], b: (typeof candidates)[number]) =>
    (a.last_assigned_at?.getTime() ?? -Infinity) - (b.last_assigned_at?.getTime() ?? -Infinity) ||
    (a.user_id < b.user_id ? -1 : 1)
  if (rule.strategy === 'least_loaded') {
    const best = [...candidates].sort(
      (a, b) => (load.get(a.user_id) ?? 0) - (load.get(b.user_id) ?? 0) || byWait(a, b),
    )[0]!
    await touch(trx, workspaceId, rule.team_id, best.user_id)
    return { userId: best.user_id, how: 'least_loaded' }
  }
  // Round robin: the member who has waited longest. SKIP LOCKED lets concurrent creations, each
  // holding the row it took until commit, hand out different members instead of queueing.
  const taken = await trx
    .updateTable('service_team_members')
    .set({ last_assigned_at: sql`clock_timestamp()` })
    .where('workspace_id', '=', workspaceId)
    .where('team_id', '=', rule.team_id)
    .where('user_id', '=', (eb) =>
      eb
        .selectFrom('service_team_members')
        .select('user_id')
        .where('workspace_id', '=', workspaceId)
        .where('team_id', '=', rule.team_id)
        .where(
          'user_id',
          'in',
          candidates.map((m) => m.user_id),
        )
        .orderBy(sql`last_assigned_at NULLS FIRST`)
        .orderBy('user_id')
        .limit(1)
        .forUpdate()
        .skipLocked(),
    )
    .returning('user_id')
    .executeTakeFirst()
  return { userId: taken?.user_id ?? [...candidates].sort(byWait)[0]!.user_id, how: 'round_robin' }
}

async function touch(trx: Executor, workspaceId: string, teamId: string, userId: string) {
  await trx
    .updateTable('service_team_members')
    .set({ last_assigned_at: sql`clock_timestamp()` })
    .where('workspace_id', '=', workspaceId)
    .where('team_id', '=', teamId)
    .where('user_id', '=', userId)
    .execute()
}
