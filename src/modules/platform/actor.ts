import type { Role } from './roles.js'

/** Who is acting, in which workspace: every write takes one, and the audit log records it. */
export interface Actor {
  workspaceId: string
  userId: string | null
  tokenId: string | null
  role: Role
  requestId?: string
}

/** The CLI and the demo seeder act as the system, with owner rights. */
export const systemActor = (workspaceId: string): Actor => ({
  workspaceId,
  userId: null,
  tokenId: null,
  role: 'owner',
})
