import { api } from './client.js'
import type { ApiToken, CreatedApiToken, Page, Role } from './types.js'

export const listTokens = (query: { limit?: number; cursor?: string } = {}) =>
  api.get<Page<ApiToken>>('/api/tokens', { ...query })

export const createToken = (input: { name: string; role: Role }) =>
  api.post<CreatedApiToken>('/api/tokens', input)

export const revokeToken = (id: string) => api.post<ApiToken>(`/api/tokens/${encodeURIComponent(id)}/revoke`)
