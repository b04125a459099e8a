/**
 * Global tables: not scoped by workspace, replicated to every node on distributed PostgreSQL
 * (Citus reference tables). Every other table is distributed by workspace_id; the schema test
 * (src/db/schema-rules.test.ts) holds the rest of the schema to that rule.
 */
export const REFERENCE_TABLES: Record<string, string> = {
  workspaces: 'the tenants themselves; every distributed table points at one',
  logins: 'a person signs in once (email, password) and may belong to several workspaces',
  sessions: 'a session is looked up by cookie before the workspace is known, and can switch workspace',
  kysely_migration: "Kysely's migration bookkeeping, one schema for all tenants",
  kysely_migration_lock: "Kysely's migration lock",
}
