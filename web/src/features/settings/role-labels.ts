import { ROLES, type Role } from '../../api/index.js'

// Words for people; which role may do what comes from the server (GET /api/roles).
export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  owner: 'Full control of the workspace, its members and tokens',
  admin: 'Manages members, API tokens and customer settings',
  manager: 'Leads a team; reads members and the audit trail, imports customers',
  agent: 'Serves customers on the front line',
  analyst: 'Studies value, service and feedback; imports data',
  viewer: 'Read-only access',
}

const PERMISSION_LABELS: Record<string, string> = {
  'workspace:read': 'View workspace',
  'users:read': 'View users',
  'users:write': 'Manage users',
  'tokens:read': 'View API tokens',
  'tokens:write': 'Manage API tokens',
  'audit:read': 'View audit log',
  'service:configure': 'Configure service',
  'cases:read': 'View cases',
  'cases:write': 'Work on cases',
  'customers:read': 'View customers',
  'customers:write': 'Edit customers',
  'customers:import': 'Import and export',
  'customers:configure': 'Configure customer data',
  'value:read': 'View value',
  'value:configure': 'Configure value engine',
  'grants:read': 'View goodwill ledger',
  'grants:write': 'Grant goodwill',
  'approvals:decide': 'Decide goodwill approvals',
  'empowerment:admin': 'Set authority policies',
  'feedback:read': 'View feedback',
  'feedback:write': 'Work on feedback (follow-ups, ideas)',
  'feedback:configure': 'Configure surveys',
}

/** A permission's label; one the server added later shows its code until it gets words here. */
export const permissionLabel = (permission: string) => PERMISSION_LABELS[permission] ?? permission

/** Roles a user may hand out: their own and those below it (the server refuses the others). */
export const assignableRoles = (own: Role): Role[] => ROLES.slice(ROLES.indexOf(own))
