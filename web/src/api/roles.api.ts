import { api } from './client.js'
import type { Permission, Role } from './types.js'

export interface RolesMatrix {
  /** Most to least powerful. */
  roles: Role[]
  permissions: Permission[]
  matrix: Record<Role, Permission[]>
}

export const getRoles = () => api.get<RolesMatrix>('/api/roles')
