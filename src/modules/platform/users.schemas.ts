import { z } from 'zod'
import { ROLES, type Role } from './roles.js'

export const RoleSchema = z.enum(ROLES as [Role, ...Role[]])

export const Email = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email())
  .transform((e) => e.toLowerCase())

export const Password = z.string().min(10, 'at least 10 characters').max(200)

export const CreateUserInput = z.object({
  email: Email,
  name: z.string().trim().min(1).max(200),
  role: RoleSchema,
  password: Password,
})
export type CreateUserInput = z.input<typeof CreateUserInput>

export const UpdateUserInput = z
  .object({
    name: z.string().trim().min(1).max(200),
    role: RoleSchema,
    active: z.boolean(),
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'nothing to change')
export type UpdateUserInput = z.input<typeof UpdateUserInput>

export const UserView = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  role: RoleSchema,
  active: z.boolean(),
  createdAt: z.date(),
  updatedAt: z.date(),
})
export type UserView = z.infer<typeof UserView>

export const ListUsersQuery = z.object({
  q: z.string().max(200).optional().describe('Matches name or email (case-insensitive substring)'),
  role: RoleSchema.optional(),
  active: z.enum(['true', 'false']).optional(),
  sort: z.string().max(40).optional().describe('name, email, created_at; prefix - for descending'),
})
