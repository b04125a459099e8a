/**
 * Platform: workspaces, users, roles and permissions, logins and sessions, API tokens, audit log.
 * The engine room every capability module stands on.
 */
export { type Actor, systemActor } from './actor.js'
export {
  ApiTokenView,
  CreateApiTokenInput,
  CreatedApiTokenView,
  createApiToken,
  listApiTokens,
  resolveApiToken,
  revokeApiToken,
} from './api-tokens.js'
export { createUser } from './create-user.js'
export { getUser, listUsers } from './find-users.js'
export { AuditEntryView, ListAuditQuery, listAudit } from './list-audit.js'
export { LOCK_MINUTES, LoginInput, login, MAX_FAILED_ATTEMPTS } from './login.js'
export { PlatformError, type PlatformErrorCode } from './platform.errors.js'
export { type AuditEntry, auditRow, recordAudit } from './record-audit.js'
export { can, PERMISSION_MATRIX, PERMISSIONS, type Permission, ROLES, type Role, roleRank } from './roles.js'
export { randomPassword } from './secrets.js'
export { ensureWorkspaceWithOwner, type SeededWorkspace } from './seed-workspace.js'
export {
  createSession,
  deleteSession,
  type NewSession,
  resolveSession,
  type SessionActor,
} from './sessions.js'
export { updateUser } from './update-user.js'
export { CreateUserInput, ListUsersQuery, RoleSchema, UpdateUserInput, UserView } from './users.schemas.js'
export {
  CreateWorkspaceInput,
  createWorkspace,
  findWorkspaceBySlug,
  getWorkspace,
  getWorkspaceBySlug,
  WorkspaceView,
} from './workspaces.js'
