import type { Role } from '../../db/database.js'

export type { Role }

/** Most to least powerful; a user may only hand out roles at or below their own. */
export const ROLES: readonly Role[] = ['owner', 'admin', 'manager', 'agent', 'analyst', 'viewer']

/**
 * Every permission a route can require. Routes declare one in `config.permission`; the auth
 * plugin refuses to register a route that declares none (see src/http/plugins/auth.ts).
 */
export const PERMISSIONS = [
  'workspace:read',
  'users:read',
  'users:write',
  'tokens:read',
  'tokens:write',
  'audit:read',
  'service:configure',
  'cases:read',
  'cases:write',
  'customers:read',
  'customers:write',
  'customers:import',
  'customers:configure',
  'value:read',
  'value:configure',
  'grants:read',
  'grants:write',
  'approvals:decide',
  'empowerment:admin',
  'feedback:read',
  'feedback:write',
  'feedback:configure',
] as const
export type Permission = (typeof PERMISSIONS)[number]

const ALL: readonly Permission[] = PERMISSIONS

/** The one permission matrix. Read it as: this role may do these things. */
export const PERMISSION_MATRIX: Record<Role, readonly Permission[]> = {
  owner: ALL,
  admin: ALL,
  manager: [
    'workspace:read',
    'users:read',
    'audit:read',
    'service:configure',
    'cases:read',
    'cases:write',
    'customers:read',
    'customers:write',
    'customers:import',
    'value:read',
    'value:configure',
    'grants:read',
    'grants:write',
    'approvals:decide',
    'feedback:read',
    'feedback:write',
    'feedback:configure',
  ],
  agent: [
    'workspace:read',
    'users:read',
    'cases:read',
    'cases:write',
    'customers:read',
    'customers:write',
    'grants:read',
    'grants:write',
    'feedback:read',
    'feedback:write',
  ],
  analyst: [
    'workspace:read',
    'users:read',
    'cases:read',
    'customers:read',
    'customers:import',
    'value:read',
    'grants:read',
    'feedback:read',
  ],
  viewer: ['workspace:read', 'cases:read', 'customers:read', 'feedback:read'],
}

export function can(role: Role, permission: Permission): boolean {
  return PERMISSION_MATRIX[role].includes(permission)
}

export function roleRank(role: Role): number {
  return ROLES.length - ROLES.indexOf(role)
}
