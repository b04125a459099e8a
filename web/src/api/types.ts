// Mirrors of the server's JSON views (src/modules/platform). Dates arrive as ISO 8601 strings.

export const ROLES = ['owner', 'admin', 'manager', 'agent', 'analyst', 'viewer'] as const
export type Role = (typeof ROLES)[number]

// The server's permission names (src/modules/platform/roles.ts). What each role may do is not
// mirrored here: GET /api/roles answers the matrix, GET /api/me the caller's own permissions.
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

export interface User {
  id: string
  email: string
  name: string
  role: Role
  active: boolean
  createdAt: string
  updatedAt: string
}

export interface Workspace {
  id: string
  slug: string
  name: string
  timezone: string
  currency: string
  createdAt: string
}

export interface Me {
  user: User | null
  role: Role
  tokenId: string | null
  workspace: Workspace
  permissions: Permission[]
  csrfToken: string | null
}

export interface ApiToken {
  id: string
  name: string
  role: Role
  prefix: string
  createdAt: string
  expiresAt: string | null
  lastUsedAt: string | null
  revokedAt: string | null
}

export interface CreatedApiToken extends ApiToken {
  /** The secret; the server returns it in the create response only. */
  token: string
}

export interface Page<T> {
  items: T[]
  nextCursor: string | null
}

export interface FieldIssue {
  path: string
  message: string
}

/** RFC 9457 problem details, the body of every error response. */
export interface Problem {
  type: string
  title: string
  status: number
  code: string
  detail?: string
  errors?: FieldIssue[]
  requestId?: string
}
