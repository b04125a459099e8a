import type { Executor } from '../../../db/database.js'
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

/** The active rules in order, and the available, active members of their teams. */
export interface RoutingConfig {
  rules: {
    id: string
    team_id: string
    strategy: 'manual' | 'round_robin' | 'least_loaded'
    match_channels: string[]
    match_categories: string[]
    match_tiers: string[]
    match_requester: 'customer' | 'internal' | null
    use_skills: boolean
    key_account_first: boolean
  }[]
  members: {
    team_id: string
    user_id: string
    name: string
    skills: string[]
    max_open: number | null
    last_assigned_at: Date | null
  }[]
}
type Rule = RoutingConfig['rules'][number]
type Member = RoutingConfig['members'][number]

export interface RoutingDecision {
  teamId: string | null
  ruleId: string | null
  /** How the assignee was chosen, for the case history. */
  how: 'given' | 'key_account_owner' | 'round_robin' | 'least_loaded' | 'queue'
  /**
   * The member chosen, whose turn the creating statement records (`last_assigned_at`). For round
   * robin the statement itself takes the longest-waiting of `candidates` that no concurrent
   * creation holds (FOR UPDATE SKIP LOCKED), and `assignee` is only the fallback when all are held.
   */
  assignee: { userId: string; name: string } | null
  roundRobin: { teamId: string; candidates: string[] } | null
}

const lower = (xs: string[]) => xs.map((x) => x.toLowerCase())

function matches(rule: Rule, f: RoutingFacts): boolean {
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

/** Open cases per member, only for rules that need them (a load strategy or a ceiling). */
export async function loadsFor(
  db: Executor,
  workspaceId: string,
  config: RoutingConfig,
  facts: RoutingFacts,
  given: { teamId?: string | undefined; assigneeId?: string | undefined },
): Promise<Map<string, number>> {
  const load = new Map<string, number>()
  if (given.assigneeId) return load
  const rule = matchingRule(config, facts, given.teamId)
  if (!rule || rule.strategy === 'manual') return load
  const members = config.members.filter((m) => m.team_id === rule.team_id)
  if (rule.strategy !== 'least_loaded' && !members.some((m) => m.max_open !== null)) return load
  if (members.length === 0) return load
  const counts = await db
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
  return load
}

const matchingRule = (config: RoutingConfig, facts: RoutingFacts, teamId: string | undefined) =>
  config.rules.find((r) => (teamId === undefined || r.team_id === teamId) && matches(r, facts)) ?? null

/**
 * Team and assignee for a new case. An explicit team or assignee wins; otherwise the first active
 * rule (by position) that matches gives the team and how to pick a member, and cases no rule
 * matches go to the default team's queue unassigned. `load` comes from `loadsFor`.
 */
export function routeCase(
  config: RoutingConfig,
  facts: RoutingFacts,
  given: {
    teamId?: string | undefined
    assignee?: { userId: string; name: string } | undefined
    defaultTeamId: string | null
  },
  load: Map<string, number>,
): RoutingDecision {
  const rule = matchingRule(config, facts, given.teamId)
  const teamId = given.teamId ?? rule?.team_id ?? given.defaultTeamId
  const ruleId = rule?.id ?? null
  const queue = { teamId, ruleId, how: 'queue', assignee: null, roundRobin: null } as const
  if (given.assignee) return { ...queue, how: 'given', assignee: given.assignee }
  if (!rule || rule.strategy === 'manual' || !teamId) return queue
  let candidates = config.members.filter(
    (m) => m.team_id === rule.team_id && (m.max_open === null || (load.get(m.user_id) ?? 0) < m.max_open),
  )
  if (candidates.length === 0) return queue
  const pick = (m: Member, how: RoutingDecision['how']): RoutingDecision => ({
    ...queue,
    how,
    assignee: { userId: m.user_id, name: m.name },
  })
  const owner = facts.ownerId && rule.key_account_first && candidates.find((m) => m.user_id === facts.ownerId)
  if (owner) return pick(owner, 'key_account_owner')
  if (rule.use_skills && facts.category) {
    const wanted = facts.category.toLowerCase()
    const skilled = candidates.filter((m) => lower(m.skills).includes(wanted))
    if (skilled.length > 0) candidates = skilled
  }
  const byWait = (a: Member, b: Member) =>
    (a.last_assigned_at?.getTime() ?? -Infinity) - (b.last_assigned_at?.getTime() ?? -Infinity) ||
    (a.user_id < b.user_id ? -1 : 1)
  if (rule.strategy === 'least_loaded') {
    const best = [...candidates].sort(
      (a, b) => (load.get(a.user_id) ?? 0) - (load.get(b.user_id) ?? 0) || byWait(a, b),
    )[0]!
    return pick(best, 'least_loaded')
  }
  return {
    ...pick([...candidates].sort(byWait)[0]!, 'round_robin'),
    roundRobin: { teamId: rule.team_id, candidates: candidates.map((m) => m.user_id) },
  }
}
