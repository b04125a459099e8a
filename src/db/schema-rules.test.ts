import { sql } from 'kysely'
import { expect, it } from 'vitest'
import { describeEachDb } from '../../test/test-app.js'
import { REFERENCE_TABLES } from './reference-tables.js'

interface Constraint {
  table: string
  name: string
  type: 'p' | 'u' | 'f'
  columns: string[]
  refTable: string | null
  refColumns: string[] | null
}

// Read straight from the catalog of the migrated database, so a new migration is checked too.
describeEachDb('schema distribution rule', (t) => {
  it('puts workspace_id first in every key of every workspace table', async () => {
    const tables = (
      await sql<{
        name: string
      }>`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'`.execute(t.db)
    ).rows.map((r) => r.name)
    const constraints = (
      await sql<Constraint>`
        SELECT c.conrelid::regclass::text AS table, c.conname AS name, c.contype AS type,
          ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY k(n, i)
                JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n ORDER BY k.i) AS columns,
          CASE WHEN c.contype = 'f' THEN c.confrelid::regclass::text END AS "refTable",
          CASE WHEN c.contype = 'f' THEN ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY k(n, i)
                JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n ORDER BY k.i) END AS "refColumns"
        FROM pg_constraint c JOIN pg_namespace ns ON ns.oid = c.connamespace
        WHERE ns.nspname = 'public' AND c.contype IN ('p', 'u', 'f')`.execute(t.db)
    ).rows
    const uniqueIndexes = (
      await sql<{ table: string; name: string; def: string }>`
        SELECT tablename AS table, indexname AS name, indexdef AS def FROM pg_indexes
        WHERE schemaname = 'public' AND indexdef LIKE 'CREATE UNIQUE%'`.execute(t.db)
    ).rows

    const distributed = tables.filter((name) => !(name in REFERENCE_TABLES))
    expect(distributed.length).toBeGreaterThan(3)
    const violations: string[] = []
    for (const table of distributed) {
      const pk = constraints.find((c) => c.table === table && c.type === 'p')
      if (pk?.columns[0] !== 'workspace_id')
        violations.push(`${table}: primary key must start with workspace_id`)
    }
    for (const c of constraints.filter((c) => distributed.includes(c.table))) {
      if (c.type === 'u' && c.columns[0] !== 'workspace_id')
        violations.push(`${c.table}.${c.name}: unique without workspace_id first`)
      if (c.type === 'f' && c.refTable && !(c.refTable in REFERENCE_TABLES)) {
        if (c.columns[0] !== 'workspace_id' || c.refColumns?.[0] !== 'workspace_id') {
          violations.push(`${c.table}.${c.name}: foreign key must start with workspace_id on both sides`)
        }
      }
    }
    for (const idx of uniqueIndexes.filter((i) => distributed.includes(i.table))) {
      if (!/\(workspace_id[,)]/.test(idx.def))
        violations.push(`${idx.table}.${idx.name}: unique index without workspace_id first`)
    }
    expect(violations).toEqual([])
  })

  it('declares only tables that exist as reference tables, each with a reason', async () => {
    const tables = new Set(
      (
        await sql<{
          name: string
        }>`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'`.execute(t.db)
      ).rows.map((r) => r.name),
    )
    for (const [name, reason] of Object.entries(REFERENCE_TABLES)) {
      expect(tables.has(name), name).toBe(true)
      expect(reason.length).toBeGreaterThan(10)
    }
  })
})
