import type { Executor } from '../../db/database.js'
import { systemActor } from './actor.js'
import { createUser } from './create-user.js'
import { randomPassword } from './secrets.js'
import { createWorkspace, findWorkspaceBySlug, type WorkspaceView } from './workspaces.js'

export interface SeededWorkspace {
  workspace: WorkspaceView
  /** Present only when this call created the owner: the one moment the password can be shown. */
  owner?: { email: string; password: string }
}

/** Creates the workspace (if missing) and its first owner with a random password. */
export async function ensureWorkspaceWithOwner(
  db: Executor,
  input: { slug: string; name: string; timezone?: string; ownerEmail?: string },
): Promise<SeededWorkspace> {
  const workspace =
    (await findWorkspaceBySlug(db, input.slug)) ??
    (await createWorkspace(db, { slug: input.slug, name: input.name, timezone: input.timezone ?? 'UTC' }))
  const hasOwner = await db
    .selectFrom('users')
    .select('id')
    .where('workspace_id', '=', workspace.id)
    .where('role', '=', 'owner')
    .executeTakeFirst()
  if (hasOwner) return { workspace }
  const email = input.ownerEmail ?? `owner@${input.slug}.centric.local`
  const password = randomPassword()
  await createUser(db, systemActor(workspace.id), { email, name: 'Workspace Owner', role: 'owner', password })
  return { workspace, owner: { email, password } }
}
