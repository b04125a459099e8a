import { type Kysely, sql } from 'kysely'

/**
 * Runs DDL one statement at a time: PGlite's query path uses the extended protocol, which takes
 * a single statement per call (node-postgres would accept a batch, PGlite does not).
 */
export async function runStatements(db: Kysely<unknown>, script: string): Promise<void> {
  const statements = script
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.trim())
    .filter(Boolean)
  for (const statement of statements) await sql.raw(statement).execute(db)
}
