import { api } from './client.js'
import type { Page, Role, User } from './types.js'

export interface ListUsersQuery {
  limit?: number
  cursor?: string
  q?: string
  role?: Role
  active?: 'true' | 'false'
  sort?: 'name' | '-name' | 'email' | '-email' | 'created_at' | '-created_at'
}

export interface NewUser {
  email: string
  name: string
  role: Role
  password: string
}

export const listUsers = (query: ListUsersQuery = {}) => api.get<Page<User>>('/api/users', { ...query })

export const createUser = (input: NewUser) => api.post<User>('/api/users', input)

export const updateUser = (id: string, input: { name?: string; role?: Role; active?: boolean }) =>
  api.patch<User>(`/api/users/${encodeURIComponent(id)}`, input)

export const deactivateUser = (id: string) =>
  api.post<User>(`/api/users/${encodeURIComponent(id)}/deactivate`)

export const reactivateUser = (id: string) =>
  api.post<User>(`/api/users/${encodeURIComponent(id)}/reactivate`)
