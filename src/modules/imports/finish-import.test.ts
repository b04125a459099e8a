import { sql } from 'kysely'
import { expect, it } from 'vitest'
import { describeEachDb } from '../../../test/test-app.js'

describeEachDb('the write of an import', (t) => {
  // The write runs with session_replication_role = replica (on PGlite, and on a server where the
  // role may), which skips triggers: correct only while the foreign-key checks (internal
  // triggers) are the only ones.
  it('writes to tables that have no triggers of their own', async () => {
    const { rows } = await sql<{ table: string; trigger: string }>`
      SELECT tgrelid::regclass::text AS table, tgname AS trigger FROM pg_trigger
      WHERE tgrelid IN ('customers'::regclass, 'products'::regclass, 'purchases'::regclass) AND NOT tgisinternal`.execute(
      t.db,
    )
    expect(rows).toEqual([])
  })
})
