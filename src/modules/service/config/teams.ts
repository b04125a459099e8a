import { z } from 'zod'
import type { Executor, Row } from '../../../db/database.js'
import { findOwned } from '../../../db/find-owned.js'
import { newId } from '../../../db/ids.js'
import { type Actor, recordAudit } from '../../platform/index.js'
import { Category } from '../cases/case.constants.js'
import { ServiceError, unknownReference } from '../service.errors.js'
import { withTransaction } from '../with-transaction.js'

export const TeamMemberInput = z.object({
  userId: z.uuid(),
  skills: z.array(Category).max(50).default([]).describe('Case categories this member handles best'),
  available: z.boolean().default(true).describe('Takes new cases (on shift)'),
  maxOpen: z.number().int().min(1).max(10_000).nullable().default(null).describe('Open cases at most'),
})

export const TeamInput = z.object({
  name: z.string().trim().min(1).max(100),
  description: z.string().trim().max(1000).nullable().optional(),
  calendarId: z.uuid().nullable().optional().describe('Hours for callbacks; none = the default calendar'),
  managerId: z.uuid().nullable().optional().describe('Notified of escalations'),
  members: z.array(TeamMemberInput).max(500).optional().describe('Replaces the membership when given'),
})
export type TeamInput = z.input<typeof TeamInput>

export const TeamMemberView = z.object({
  userId: z.uuid(),
  name: z.string(),
  skills: z.array(z.string()),
  available: z.boolean(),
  maxOpen: z.number().int().nullable(),
  lastAssignedAt: z.date().nullable(),
})
export const TeamView = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string().nullable(),
  calendarId: z.uuid().nullable(),
  managerId: z.uuid().nullable(),
  members: z.array(TeamMemberView),
  createdAt: z.date(),
  updatedAt: z.date(),
})
export type TeamView = z.infer<typeof TeamView>

async function membersOf(db: Executor, workspaceId: string, teamIds: string[]) {
  if (teamIds.length === 0) return []
  return db
    .selectFrom('service_team_members as m')
    .innerJoin('users as u', (j) =>
      j.onRef('u.workspace_id', '=', 'm.workspace_id').onRef('u.id', '=', 'm.user_id'),
    )
    .select([
      'm.team_id',
      'm.user_id',
      'u.name',
      'm.skills',
      'm.available',
      'm.max_open',
      'm.last_assigned_at',
    ])
    .where('m.workspace_id', '=', workspaceId)
    .where('m.team_id', 'in', teamIds)
    .orderBy('u.name')
    .execute()
}

function toViews(teams: Row<'service_teams'>[], members: Awaited<ReturnType<typeof membersOf>>): TeamView[] {
  return teams.map((t) => ({
    id: t.id,
    name: t.name,
    description: t.description,
    calendarId: t.calendar_id,
    managerId: t.manager_id,
    members: members
      .filter((m) => m.team_id === t.id)
      .map((m) => ({
        userId: m.user_id,
        name: m.name,
        skills: m.skills,
        available: m.available,
        maxOpen: m.max_open,
        lastAssignedAt: m.last_assigned_at,
      })),
    createdAt: t.created_at,
    updatedAt: t.updated_at,
  }))
}

export async function listTeams(db: Executor, workspaceId: string): Promise<TeamView[]> {
  const teams = await db
    .selectFrom('service_teams')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .orderBy('name')
    .execute()
  return toViews(
    teams,
    await membersOf(
      db,
      workspaceId,
      teams.map((t) => t.id),
    ),
  )
}

export async function getTeam(db: Executor, workspaceId: string, id: string): Promise<TeamView> {
  const team = await findOwned(db, 'service_teams', workspaceId, id)
  if (!team) throw new ServiceError('TEAM_NOT_FOUND', `team ${id} not found`)
  return toViews([team], await membersOf(db, workspaceId, [team.id]))[0]!
}

async function checkRefs(db: Executor, workspaceId: string, t: z.infer<typeof TeamInput>) {
  if (t.calendarId && !(await findOwned(db, 'service_calendars', workspaceId, t.calendarId)))
    throw unknownReference('body.calendarId', 'calendar')
  const userIds = [...(t.managerId ? [t.managerId] : []), ...(t.members ?? []).map((m) => m.userId)]
  if (userIds.length === 0) return
  const found = new Set(
    (
      await db
        .selectFrom('users')
        .select('id')
        .where('workspace_id', '=', workspaceId)
        .where('id', 'in', userIds)
        .execute()
    ).map((r) => r.id),
  )
  if (t.managerId && !found.has(t.managerId)) throw unknownReference('body.managerId', 'user')
  const i = (t.members ?? []).findIndex((m) => !found.has(m.userId))
  if (i >= 0) throw unknownReference(`body.members.${i}.userId`, 'user')
}

async function replaceMembers(
  db: Executor,
  workspaceId: string,
  teamId: string,
  members: z.infer<typeof TeamMemberInput>[],
) {
  const byUser = new Map(members.map((m) => [m.userId, m]))
  let gone = db
    .deleteFrom('service_team_members')
    .where('workspace_id', '=', workspaceId)
    .where('team_id', '=', teamId)
  if (byUser.size > 0) gone = gone.where('user_id', 'not in', [...byUser.keys()])
  await gone.execute()
  for (const m of byUser.values()) {
    const values = { skills: m.skills, available: m.available, max_open: m.maxOpen }
    await db
      .insertInto('service_team_members')
      .values({ workspace_id: workspaceId, team_id: teamId, user_id: m.userId, ...values })
      // Keeps last_assigned_at, so editing a team does not reset its round robin.
      .onConflict((oc) => oc.columns(['workspace_id', 'team_id', 'user_id']).doUpdateSet(values))
      .execute()
  }
}

export async function createTeam(db: Executor, actor: Actor, input: TeamInput): Promise<TeamView> {
  const t = TeamInput.parse(input)
  return withTransaction(db, async (trx) => {
    await checkRefs(trx, actor.workspaceId, t)
    const row = await trx
      .insertInto('service_teams')
      .values({
        workspace_id: actor.workspaceId,
        id: newId(),
        name: t.name,
        description: t.description ?? null,
        calendar_id: t.calendarId ?? null,
        manager_id: t.managerId ?? null,
      })
      .onConflict((oc) => oc.columns(['workspace_id', 'name']).doNothing())
      .returning('id')
      .executeTakeFirst()
    if (!row) throw new ServiceError('NAME_TAKEN', `a team named ${t.name} exists`)
    await replaceMembers(trx, actor.workspaceId, row.id, t.members ?? [])
    const view = await getTeam(trx, actor.workspaceId, row.id)
    await recordAudit(trx, actor, {
      action: 'team.created',
      entityType: 'team',
      entityId: row.id,
      after: view,
    })
    return view
  })
}

/** Changes the fields sent; `members`, when sent, replaces the membership. */
export async function updateTeam(
  db: Executor,
  actor: Actor,
  id: string,
  input: Partial<TeamInput>,
): Promise<TeamView> {
  const t = TeamInput.partial().parse(input)
  return withTransaction(db, async (trx) => {
    const before = await getTeam(trx, actor.workspaceId, id)
    await checkRefs(trx, actor.workspaceId, { name: before.name, ...t })
    if (t.name && t.name !== before.name) {
      const clash = await trx
        .selectFrom('service_teams')
        .select('id')
        .where('workspace_id', '=', actor.workspaceId)
        .where('name', '=', t.name)
        .executeTakeFirst()
      if (clash) throw new ServiceError('NAME_TAKEN', `a team named ${t.name} exists`)
    }
    await trx
      .updateTable('service_teams')
      .set({
        ...(t.name !== undefined ? { name: t.name } : {}),
        ...(t.description !== undefined ? { description: t.description } : {}),
        ...(t.calendarId !== undefined ? { calendar_id: t.calendarId } : {}),
        ...(t.managerId !== undefined ? { manager_id: t.managerId } : {}),
        updated_at: new Date(),
      })
      .where('workspace_id', '=', actor.workspaceId)
      .where('id', '=', before.id)
      .execute()
    if (t.members) await replaceMembers(trx, actor.workspaceId, before.id, t.members)
    const after = await getTeam(trx, actor.workspaceId, id)
    await recordAudit(trx, actor, { action: 'team.updated', entityType: 'team', entityId: id, before, after })
    return after
  })
}

/** Deletes a team that no case, callback or setting points at (409 otherwise). */
export async function deleteTeam(db: Executor, actor: Actor, id: string): Promise<void> {
  const before = await getTeam(db, actor.workspaceId, id)
  await db
    .deleteFrom('service_teams')
    .where('workspace_id', '=', actor.workspaceId)
    .where('id', '=', before.id)
    .execute()
  await recordAudit(db, actor, { action: 'team.deleted', entityType: 'team', entityId: id, before })
}
