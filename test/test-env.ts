import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { DatabaseKind } from '../src/db/open-database.js'

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
export const TEST_TMP = path.join(ROOT, '.test-tmp')
/** The migrated PGlite template inside one run's folder (runs may overlap, so each has its own). */
export const pgliteTemplateDir = (runDir: string) => path.join(runDir, 'pglite-template')
export const TEMPLATE_DB = 'centric_template'

/** Both databases unless CENTRIC_TEST_DBS narrows it (e.g. `pglite` for a quick local run). */
export function testDbKinds(): DatabaseKind[] {
  const wanted = (process.env.CENTRIC_TEST_DBS ?? 'pglite,postgres').split(',').map((s) => s.trim())
  return (['pglite', 'postgres'] as const).filter((k) => wanted.includes(k))
}
