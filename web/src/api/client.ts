import { ApiError, toApiError } from './api-error.js'

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'
export type Query = Record<string, string | number | boolean | null | undefined>

// The session cookie is HttpOnly, so the CSRF token (from login or /api/me) is the client's only
// session state; the server demands it on every cookie-authenticated write.
let csrfToken: string | null = null
let onUnauthorized: (() => void) | undefined

export function setCsrfToken(token: string | null): void {
  csrfToken = token
}

/** Called when a request other than login answers 401: the session ended (expired, revoked). */
export function setUnauthorizedHandler(handler: (() => void) | undefined): void {
  onUnauthorized = handler
}

function withQuery(path: string, query: Query | undefined): string {
  if (!query) return path
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value))
  }
  const qs = params.toString()
  return qs ? `${path}?${qs}` : path
}

/** The one function that talks to the server. Resolves to the parsed JSON body (undefined on 204). */
export async function request<T>(
  method: Method,
  path: string,
  opts: {
    body?: unknown
    /** A body sent as it is (a file), with its own content type, instead of JSON. */
    raw?: { body: Blob; contentType: string }
    query?: Query
    signal?: AbortSignal
  } = {},
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' }
  if (opts.raw) headers['content-type'] = opts.raw.contentType
  else if (opts.body !== undefined) headers['content-type'] = 'application/json'
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken
  const res = await fetch(withQuery(path, opts.query), {
    method,
    headers,
    credentials: 'same-origin',
    body: opts.raw ? opts.raw.body : opts.body === undefined ? null : JSON.stringify(opts.body),
    signal: opts.signal ?? null,
  })
  if (!res.ok) {
    const error = await toApiError(res)
    if (error.status === 401 && path !== '/api/auth/login') onUnauthorized?.()
    throw error
  }
  if (res.status === 204) return undefined as T
  return (await res.json()) as T
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => request<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  delete: <T = void>(path: string) => request<T>('DELETE', path),
  /** POSTs a file as the raw request body (CSV uploads). */
  upload: <T>(path: string, file: Blob, contentType: string, query?: Query) =>
    request<T>('POST', path, { raw: { body: file, contentType }, query }),
}

/** An address for a plain link or download (an export, an error report), with its query string. */
export const apiHref = (path: string, query?: Query) => withQuery(path, query)

export { ApiError }
