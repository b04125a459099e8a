import { randomBytes } from 'node:crypto'
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify'
import type { Kysely } from 'kysely'
import { afterAll, beforeAll, describe } from 'vitest'
import type { DB } from '../src/db/database.js'
import type { DatabaseKind } from '../src/db/open-database.js'
import { buildApp } from '../src/http/app.js'
import {
  createApiToken,
  createUser,
  createWorkspace,
  type Role,
  systemActor,
  type WorkspaceView,
} from '../src/modules/platform/index.js'
import { openTestDatabase } from './test-database.js'
import { testDbKinds } from './test-env.js'

export interface TestWorkspace {
  workspace: WorkspaceView
  token: string
  /** Headers authenticating as an API token of this workspace with the given role (owner by default). */
  headers: Record<string, string>
  as: (role: Role) => Promise<Record<string, string>>
  owner: { email: string; password: string }
}

export interface TestApp {
  kind: DatabaseKind
  app: FastifyInstance
  db: Kysely<DB>
  /** A new workspace with an owner login and an owner API token. */
  newWorkspace: (slug?: string) => Promise<TestWorkspace>
  request: (opts: InjectOptions) => Promise<LightMyRequestResponse>
  close: () => Promise<void>
}

export async function buildTestApp(kind: DatabaseKind): Promise<TestApp> {
  const database = await openTestDatabase(kind)
  const app = await buildApp({ db: database.db, dbKind: kind, raw: database.raw })
  const db = database.db
  return {
    kind,
    app,
    db,
    request: (opts) => app.inject(opts),
    close: async () => {
      await app.close()
      await database.close()
    },
    newWorkspace: async (slug = `ws-${randomBytes(4).toString('hex')}`) => {
      const workspace = await createWorkspace(db, { slug, name: `Workspace ${slug}` })
      const actor = systemActor(workspace.id)
      const owner = { email: `owner@${slug}.test`, password: `pw-${randomBytes(8).toString('hex')}` }
      await createUser(db, actor, { ...owner, name: 'Owner', role: 'owner' })
      const tokenFor = async (role: Role) => {
        const { token } = await createApiToken(db, actor, { name: `test ${role}`, role })
        return { authorization: `Bearer ${token}` }
      }
      const headers = await tokenFor('owner')
      return { workspace, token: headers.authorization.slice(7), headers, as: tokenFor, owner }
    },
  }
}

/**
 * Declares the same suite once per database (PGlite and PostgreSQL). Each gets its own database
 * cloned from the migrated template; tests inside share it and keep apart by workspace.
 */
export function describeEachDb(name: string, fn: (t: TestApp) => void): void {
  for (const kind of testDbKinds()) {
    describe(`${name} [${kind}]`, () => {
      const t = {} as TestApp
      beforeAll(async () => {
        Object.assign(t, await buildTestApp(kind))
      })
      afterAll(async () => {
        await t.close?.()
      })
      fn(t)
    })
  }
}
