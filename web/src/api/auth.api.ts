import { api, setCsrfToken } from './client.js'
import type { Me } from './types.js'

export async function login(input: { email: string; password: string; workspace?: string }): Promise<void> {
  const res = await api.post<{ csrfToken: string; expiresAt: string }>('/api/auth/login', input)
  setCsrfToken(res.csrfToken)
}

export async function logout(): Promise<void> {
  await api.post<void>('/api/auth/logout')
  setCsrfToken(null)
}

export async function getMe(signal?: AbortSignal): Promise<Me> {
  const me = await api.get<Me>('/api/me', undefined, signal)
  setCsrfToken(me.csrfToken)
  return me
}
