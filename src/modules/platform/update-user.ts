import type { Executor } from '../../db/database.js'
import type { Actor } from './actor.js'
import { getUser } from './find-users.js'
import { PlatformError } from './platform.errors.js'
import { recordAudit } from './record-audit.js'
import { roleRank } from './roles.js'
import { UpdateUserInput, type UserView } from './users.schemas.js'

/** Changes name, role or active flag. Deactivating ends the user's sessions in this workspace. */
export async function updateUser(
  db: Executor,
  actor: Actor,
  userId: string,
  input: UpdateUserInput,
): Promise<UserView> {
  const changes = UpdateUserInput.parse(input)
  return db.transaction().execute(async (trx) => {
    const before = await getUser(trx, actor.workspaceId, userId)
    // Nobody may manage someone above them, or lift anyone above themselves.
    if (
      roleRank(before.role) > roleRank(actor.role) ||
      (changes.role && roleRank(changes.role) > roleRank(actor.role))
    ) {
      throw new PlatformError(
        'ROLE_ABOVE_OWN',
        `a ${actor.role} cannot change this user to or from that role`,
      )
    }
    const losesOwner =
      before.role === 'owner' &&
      ((changes.role !== undefined && changes.role !== 'owner') || changes.active === false)
    if (losesOwner) {
      const owners = await trx
        .selectFrom('users')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('workspace_id', '=', actor.workspaceId)
        .where('role', '=', 'owner')
        .where('active', '=', true)
        .executeTakeFirstOrThrow()
      if (Number(owners.n) <= 1)
        throw new PlatformError('LAST_OWNER', 'a workspace needs at least one active owner')
    }
    await trx
      .updateTable('users')
      .set({ ...changes, updated_at: new Date() })
      .where('workspace_id', '=', actor.workspaceId)
      .where('id', '=', userId)
      .execute()
    if (changes.active === false) {
      const user = await trx
        .selectFrom('users')
        .select('login_id')
        .where('workspace_id', '=', actor.workspaceId)
        .where('id', '=', userId)
        .executeTakeFirstOrThrow()
      await trx
        .deleteFrom('sessions')
        .where('workspace_id', '=', actor.workspaceId)
        .where('login_id', '=', user.login_id)
        .execute()
    }
    const after = await getUser(trx, actor.workspaceId, userId)
    const action =
      changes.active === false
        ? 'user.deactivated'
        : changes.active === true
          ? 'user.reactivated'
          : 'user.updated'
    await recordAudit(trx, actor, { action, entityType: 'user', entityId: userId, before, after })
    return after
  })
}
