import type { FastifyInstance, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { type Actor, can, resolveApiToken, resolveSession } from '../../modules/platform/index.js'
import { DomainError } from '../../shared/domain-error.js'

export const SESSION_COOKIE = 'centric_session'
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])
/** Routes registered by third-party plugins (docs UI) that are public by nature. */
const PUBLIC_PREFIXES = ['/api/docs']

async function authenticate(app: FastifyInstance, request: FastifyRequest): Promise<Actor> {
  const header = request.headers.authorization
  if (header) {
    const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1]
    const actor = token ? await resolveApiToken(app.db, token) : undefined
    if (!actor)
      throw new DomainError(
        'unauthenticated',
        'INVALID_TOKEN',
        'the API token is invalid, expired or revoked',
      )
    return actor
  }
  const cookie = request.cookies[SESSION_COOKIE]
  const session = cookie ? await resolveSession(app.db, cookie) : undefined
  if (!session) throw new DomainError('unauthenticated', 'NOT_AUTHENTICATED', 'sign in or send an API token')
  // Cookies ride along on cross-site requests; a write must also prove it came from our page.
  if (!SAFE_METHODS.has(request.method) && request.headers['x-csrf-token'] !== session.csrfToken) {
    throw new DomainError(
      'forbidden',
      'CSRF_TOKEN_MISSING',
      'send the X-CSRF-Token header from /api/me with cookie-authenticated writes',
    )
  }
  request.sessionToken = cookie
  return session
}

/**
 * Every /api route goes through the one permission matrix: a route must declare
 * `config.permission` (or `config.public`), or the server refuses to start.
 */
export const auth = fp(async (app: FastifyInstance) => {
  app.decorateRequest('actor', null as unknown as Actor)
  const apiRoutes: { method: string; url: string; public: boolean }[] = []
  app.decorate('apiRoutes', apiRoutes)
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api') || PUBLIC_PREFIXES.some((p) => route.url.startsWith(p))) return
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') apiRoutes.push({ method, url: route.url, public: Boolean(route.config?.public) })
    }
    if (!route.config?.permission && !route.config?.public) {
      throw new Error(
        `route ${String(route.method)} ${route.url} declares neither config.permission nor config.public`,
      )
    }
  })
  app.addHook('onRequest', async (request) => {
    const config = request.routeOptions.config
    if (!request.routeOptions.url?.startsWith('/api') || config.public || !config.permission) return
    const actor = await authenticate(app, request)
    actor.requestId = String(request.id)
    request.actor = actor
    if (!can(actor.role, config.permission)) {
      throw new DomainError(
        'forbidden',
        'PERMISSION_DENIED',
        `role ${actor.role} lacks permission ${config.permission}`,
      )
    }
  })
})
