import type { Executor } from '../../../db/database.js'

/**
 * Who hears about an escalation: the team's manager, or, for a case without a team manager, the
 * workspace's managers. (Recorded on the case event until the notifications module delivers it.)
 */
export async function escalationRecipients(
  db: Executor,
  workspaceId: string,
  teamId: string | null,
): Promise<string[]> {
  if (teamId) {
    const team = await db
      .selectFrom('service_teams')
      .select('manager_id')
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', teamId)
      .executeTakeFirst()
    if (team?.manager_id) return [team.manager_id]
  }
  const managers = await db
    .selectFrom('users')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('role', '=', 'manager')
    .where('active', '=', true)
    .orderBy('id')
    .execute()
  return managers.map((m) => m.id)
}
