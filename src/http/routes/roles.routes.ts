import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  PERMISSION_MATRIX,
  PERMISSIONS,
  type Permission,
  ROLES,
  type Role,
  RoleSchema,
} from '../../modules/platform/index.js'

const PermissionName = z.enum(PERMISSIONS)

const RolesView = z.object({
  roles: z.array(RoleSchema).describe('Most to least powerful'),
  permissions: z.array(PermissionName),
  matrix: z.record(RoleSchema, z.array(PermissionName)).describe('What each role may do'),
})

/** The permission matrix as data, so clients never keep a copy of it by hand. */
export const rolesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/roles',
    {
      schema: {
        tags: ['auth'],
        summary: 'Roles, permissions and what each role may do',
        response: { 200: RolesView },
      },
      config: { permission: 'workspace:read' },
    },
    async () => ({
      roles: [...ROLES],
      permissions: [...PERMISSIONS],
      matrix: Object.fromEntries(ROLES.map((r) => [r, [...PERMISSION_MATRIX[r]]])) as Record<
        Role,
        Permission[]
      >,
    }),
  )
}
