import { PERMISSIONS, type Permission, ROLES, type Role } from '../../api/index.js'

// The server has no GET /api/roles yet, so this mirrors PERMISSION_MATRIX in
// src/modules/platform/roles.ts. Keep the two in step until the API serves it.
export const PERMISSION_MATRIX: Record<Role, readonly Permission[]> = {
  owner: PERMISSIONS,
  admin: PERMISSIONS,
  manager: ['workspace:read', 'users:read', 'audit:read'],
  agent: ['workspace:read', 'users:read'],
  analyst: ['workspace:read', 'users:read'],
  viewer: ['workspace:read'],
}

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  owner: 'Full control of the workspace, its members and tokens',
  admin: 'Manages members and API tokens',
  manager: 'Leads a team; reads members and the audit trail',
  agent: 'Serves customers on the front line',
  analyst: 'Studies value, service and feedback',
  viewer: 'Read-only access',
}

export const PERMISSION_LABELS: Record<Permission, string> = {
  'workspace:read': 'View workspace',
  'users:read': 'View users',
  'users:write': 'Manage users',
  'tokens:read': 'View API tokens',
  'tokens:write': 'Manage API tokens',
  'audit:read': 'View audit log',
}

/** Roles a user may hand out: their own and those below it (the server refuses the others). */
export const assignableRoles = (own: Role): Role[] => ROLES.slice(ROLES.indexOf(own))
