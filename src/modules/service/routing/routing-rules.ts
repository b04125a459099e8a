import { z } from 'zod'
import type { Executor, Row } from '../../../db/database.js'
import { findOwned } from '../../../db/find-owned.js'
import { newId } from '../../../db/ids.js'
import { type Actor, recordAudit } from '../../platform/index.js'
import { CaseChannel, Category, TierName } from '../cases/case.constants.js'
import { ServiceError, unknownReference } from '../service.errors.js'

export const ROUTING_STRATEGIES = ['manual', 'round_robin', 'least_loaded'] as const

export const RoutingRuleInput = z.object({
  name: z.string().trim().min(1).max(100),
  position: z
    .number()
    .int()
    .min(0)
    .max(1_000_000)
    .default(0)
    .describe('Rules are tried in ascending position'),
  active: z.boolean().default(true),
  match: z
    .object({
      channels: z.array(CaseChannel).max(10).default([]),
      categories: z.array(Category).max(100).default([]),
      tiers: z.array(TierName).max(50).default([]),
      requester: z.enum(['customer', 'internal']).nullable().default(null),
    })
    .default({ channels: [], categories: [], tiers: [], requester: null })
    .describe('Every non-empty condition must hold; an empty list matches anything'),
  teamId: z.uuid(),
  strategy: z
    .enum(ROUTING_STRATEGIES)
    .describe(
      'manual: the team queue only; round_robin: longest without a case; least_loaded: fewest open cases',
    ),
  useSkills: z.boolean().default(false).describe("Prefer members whose skills include the case's category"),
  keyAccountFirst: z
    .boolean()
    .default(false)
    .describe("The customer's owner (key-account manager) gets the case if available in the team"),
})
export type RoutingRuleInput = z.input<typeof RoutingRuleInput>

export const RoutingRuleView = z.object({
  id: z.uuid(),
  name: z.string(),
  position: z.number().int(),
  active: z.boolean(),
  match: z.object({
    channels: z.array(z.string()),
    categories: z.array(z.string()),
    tiers: z.array(z.string()),
    requester: z.enum(['customer', 'internal']).nullable(),
  }),
  teamId: z.uuid(),
  strategy: z.enum(ROUTING_STRATEGIES),
  useSkills: z.boolean(),
  keyAccountFirst: z.boolean(),
})
export type RoutingRuleView = z.infer<typeof RoutingRuleView>

export const toRuleView = (r: Row<'routing_rules'>): RoutingRuleView => ({
  id: r.id,
  name: r.name,
  position: r.position,
  active: r.active,
  match: {
    channels: r.match_channels,
    categories: r.match_categories,
    tiers: r.match_tiers,
    requester: r.match_requester,
  },
  teamId: r.team_id,
  strategy: r.strategy,
  useSkills: r.use_skills,
  keyAccountFirst: r.key_account_first,
})

const toRow = (r: z.infer<typeof RoutingRuleInput>) => ({
  name: r.name,
  position: r.position,
  active: r.active,
  match_channels: r.match.channels,
  match_categories: r.match.categories,
  match_tiers: r.match.tiers,
  match_requester: r.match.requester,
  team_id: r.teamId,
  strategy: r.strategy,
  use_skills: r.useSkills,
  key_account_first: r.keyAccountFirst,
})

export async function listRoutingRules(db: Executor, workspaceId: string): Promise<RoutingRuleView[]> {
  const rows = await db
    .selectFrom('routing_rules')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .orderBy('position')
    .orderBy('id')
    .execute()
  return rows.map(toRuleView)
}

export async function getRoutingRule(
  db: Executor,
  workspaceId: string,
  id: string,
): Promise<RoutingRuleView> {
  const row = await findOwned(db, 'routing_rules', workspaceId, id)
  if (!row) throw new ServiceError('ROUTING_RULE_NOT_FOUND', `routing rule ${id} not found`)
  return toRuleView(row)
}

async function checkTeam(db: Executor, workspaceId: string, teamId: string) {
  if (!(await findOwned(db, 'service_teams', workspaceId, teamId)))
    throw unknownReference('body.teamId', 'team')
}

export async function createRoutingRule(
  db: Executor,
  actor: Actor,
  input: RoutingRuleInput,
): Promise<RoutingRuleView> {
  const r = RoutingRuleInput.parse(input)
  await checkTeam(db, actor.workspaceId, r.teamId)
  const row = await db
    .insertInto('routing_rules')
    .values({ workspace_id: actor.workspaceId, id: newId(), ...toRow(r) })
    .returningAll()
    .executeTakeFirstOrThrow()
  const view = toRuleView(row)
  await recordAudit(db, actor, {
    action: 'routing_rule.created',
    entityType: 'routing_rule',
    entityId: row.id,
    after: view,
  })
  return view
}

export async function updateRoutingRule(
  db: Executor,
  actor: Actor,
  id: string,
  input: RoutingRuleInput,
): Promise<RoutingRuleView> {
  const r = RoutingRuleInput.parse(input)
  const before = await getRoutingRule(db, actor.workspaceId, id)
  await checkTeam(db, actor.workspaceId, r.teamId)
  const row = await db
    .updateTable('routing_rules')
    .set({ ...toRow(r), updated_at: new Date() })
    .where('workspace_id', '=', actor.workspaceId)
    .where('id', '=', before.id)
    .returningAll()
    .executeTakeFirstOrThrow()
  const after = toRuleView(row)
  await recordAudit(db, actor, {
    action: 'routing_rule.updated',
    entityType: 'routing_rule',
    entityId: id,
    before,
    after,
  })
  return after
}

export async function deleteRoutingRule(db: Executor, actor: Actor, id: string): Promise<void> {
  const before = await getRoutingRule(db, actor.workspaceId, id)
  await db
    .deleteFrom('routing_rules')
    .where('workspace_id', '=', actor.workspaceId)
    .where('id', '=', before.id)
    .execute()
  await recordAudit(db, actor, {
    action: 'routing_rule.deleted',
    entityType: 'routing_rule',
    entityId: id,
    before,
  })
}
