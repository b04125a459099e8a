import type { Kysely } from 'kysely'
import type { DB } from '../db/database.js'
import type { DatabaseKind, RawDriver } from '../db/open-database.js'
import type { Actor, Permission } from '../modules/platform/index.js'

declare module 'fastify' {
  interface FastifyInstance {
    db: Kysely<DB>
    dbKind: DatabaseKind
    raw: RawDriver
    /** Every /api route as registered, for tests that must cover all of them. */
    apiRoutes: { method: string; url: string; public: boolean }[]
  }
  interface FastifyRequest {
    /** Set by the auth plugin on every non-public route. */
    actor: Actor
    /** The session behind a cookie-authenticated request (for logout and CSRF). */
    sessionToken?: string
    idempotencyKey?: string
  }
  interface FastifyContextConfig {
    /** The permission a route requires; every /api route declares one or `public: true`. */
    permission?: Permission
    public?: boolean
  }
}
