import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  can,
  deleteSession,
  getUser,
  getWorkspace,
  LoginInput,
  login,
  PERMISSIONS,
  RoleSchema,
  UserView,
  WorkspaceView,
} from '../../modules/platform/index.js'
import { LoginRateLimit } from '../login-rate-limit.js'
import { SESSION_COOKIE } from '../plugins/auth.js'

const MeView = z.object({
  user: UserView.nullable().describe('null when authenticated by an API token'),
  role: RoleSchema,
  tokenId: z.uuid().nullable(),
  workspace: WorkspaceView,
  permissions: z.array(z.enum(PERMISSIONS)),
  csrfToken: z.string().nullable().describe('Send as X-CSRF-Token with cookie-authenticated writes'),
})

export const authRoutes: FastifyPluginAsyncZod<{ secureCookies: boolean }> = async (app, opts) => {
  const limiter = new LoginRateLimit()

  app.post(
    '/api/auth/login',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign in with email and password; sets the session cookie',
        body: LoginInput,
        response: { 200: z.object({ csrfToken: z.string(), expiresAt: z.date() }) },
      },
      config: { public: true },
    },
    async (req, reply) => {
      limiter.check(req.ip)
      const session = await login(app.db, req.body)
      reply.setCookie(SESSION_COOKIE, session.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: opts.secureCookies || req.protocol === 'https',
        expires: session.expiresAt,
      })
      return { csrfToken: session.csrfToken, expiresAt: session.expiresAt }
    },
  )

  app.post(
    '/api/auth/logout',
    {
      schema: { tags: ['auth'], summary: 'End the current session', response: { 204: z.null() } },
      config: { permission: 'workspace:read' },
    },
    async (req, reply) => {
      if (req.sessionToken) await deleteSession(app.db, req.sessionToken)
      reply.clearCookie(SESSION_COOKIE, { path: '/' })
      return reply.code(204).send(null)
    },
  )

  app.get(
    '/api/me',
    {
      schema: {
        tags: ['auth'],
        summary: 'Who am I: user, role, workspace, permissions',
        response: { 200: MeView },
      },
      config: { permission: 'workspace:read' },
    },
    async (req) => {
      const { actor } = req
      const session = 'csrfToken' in actor ? (actor as { csrfToken: string }) : undefined
      return {
        user: actor.userId ? await getUser(app.db, actor.workspaceId, actor.userId) : null,
        role: actor.role,
        tokenId: actor.tokenId,
        workspace: await getWorkspace(app.db, actor.workspaceId),
        permissions: PERMISSIONS.filter((p) => can(actor.role, p)),
        csrfToken: session?.csrfToken ?? null,
      }
    },
  )
}
