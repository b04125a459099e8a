import type { Executor } from '../../db/database.js'
import { newId } from '../../db/ids.js'
import type { Actor } from './actor.js'
import { hashPassword } from './passwords.js'
import { PlatformError } from './platform.errors.js'
import { recordAudit } from './record-audit.js'
import { roleRank } from './roles.js'
import { selectUsers, toUserView } from './users.queries.js'
import { CreateUserInput, type UserView } from './users.schemas.js'

/**
 * Adds a person to the actor's workspace. A login is global (one email, one password): when the
 * email already signs in to another workspace, that login gains a membership here and keeps its
 * own password, so nothing about the other workspace is revealed or changed.
 */
export async function createUser(db: Executor, actor: Actor, input: CreateUserInput): Promise<UserView> {
  const values = CreateUserInput.parse(input)
  if (roleRank(values.role) > roleRank(actor.role)) {
    throw new PlatformError('ROLE_ABOVE_OWN', `a ${actor.role} cannot create a user with role ${values.role}`)
  }
  const passwordHash = await hashPassword(values.password)
  return db.transaction().execute(async (trx) => {
    await trx
      .insertInto('logins')
      .values({ id: newId(), email: values.email, password_hash: passwordHash })
      .onConflict((oc) => oc.column('email').doNothing())
      .execute()
    const login = await trx
      .selectFrom('logins')
      .select('id')
      .where('email', '=', values.email)
      .executeTakeFirstOrThrow()
    const inserted = await trx
      .insertInto('users')
      .values({
        workspace_id: actor.workspaceId,
        id: newId(),
        login_id: login.id,
        name: values.name,
        role: values.role,
      })
      .onConflict((oc) => oc.columns(['workspace_id', 'login_id']).doNothing())
      .returning('id')
      .executeTakeFirst()
    if (!inserted)
      throw new PlatformError('USER_EMAIL_TAKEN', `${values.email} is already a user of this workspace`)
    const user = toUserView(
      await selectUsers(trx, actor.workspaceId).where('u.id', '=', inserted.id).executeTakeFirstOrThrow(),
    )
    await recordAudit(trx, actor, {
      action: 'user.created',
      entityType: 'user',
      entityId: user.id,
      after: user,
    })
    return user
  })
}
