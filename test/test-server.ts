import type { AddressInfo } from 'node:net'
import { buildApp } from '../src/http/app.js'
import { WEB_DIST } from '../src/http/server.js'
import { seedDemo } from '../src/modules/demo/index.js'
import { openTestDatabase } from './test-database.js'

/**
 * The real server (API + built web app) on an embedded database clone, listening on a random
 * loopback port, with a demo workspace whose owner login is returned. For browser journeys.
 */
export async function startTestServer() {
  const database = await openTestDatabase('pglite')
  const seeded = await seedDemo(database.db, { slug: 'demo' })
  if (!seeded.owner) throw new Error('expected a fresh demo workspace')
  const app = await buildApp({ db: database.db, dbKind: 'pglite', raw: database.raw, webDir: WEB_DIST })
  await app.listen({ port: 0, host: '127.0.0.1' })
  const { port } = app.server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    owner: seeded.owner,
    db: database.db,
    close: async () => {
      await app.close()
      await database.close()
    },
  }
}
