import type { ColumnType, Generated, Insertable, Kysely, Selectable, Transaction, Updateable } from 'kysely'

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>
type Json = ColumnType<unknown, string | undefined | null, string | null>

export type Role = 'owner' | 'admin' | 'manager' | 'agent' | 'analyst' | 'viewer'

export interface WorkspacesTable {
  id: string
  slug: string
  name: string
  timezone: Generated<string>
  currency: Generated<string>
  created_at: Generated<Date>
}

export interface LoginsTable {
  id: string
  email: string
  password_hash: string
  failed_attempts: Generated<number>
  locked_until: Date | null
  created_at: Generated<Date>
}

export interface SessionsTable {
  id: string
  login_id: string
  workspace_id: string
  csrf_token: string
  created_at: Generated<Date>
  expires_at: Timestamp
  last_seen_at: Generated<Date>
}

export interface UsersTable {
  workspace_id: string
  id: string
  login_id: string
  name: string
  role: Role
  active: Generated<boolean>
  created_at: Generated<Date>
  updated_at: Generated<Date>
}

export interface ApiTokensTable {
  workspace_id: string
  id: string
  name: string
  role: Role
  token_hash: string
  prefix: string
  created_by: string | null
  created_at: Generated<Date>
  expires_at: Timestamp | null
  last_used_at: Timestamp | null
  revoked_at: Timestamp | null
}

export interface AuditLogTable {
  workspace_id: string
  id: string
  at: Generated<Date>
  actor_user_id: string | null
  actor_token_id: string | null
  action: string
  entity_type: string
  entity_id: string
  before: Json
  after: Json
  request_id: string | null
}

export interface IdempotencyKeysTable {
  workspace_id: string
  key: string
  method: string
  path: string
  request_hash: string
  status_code: number | null
  response_body: string | null
  response_type: string | null
  created_at: Generated<Date>
}

export interface DB {
  workspaces: WorkspacesTable
  logins: LoginsTable
  sessions: SessionsTable
  users: UsersTable
  api_tokens: ApiTokensTable
  audit_log: AuditLogTable
  idempotency_keys: IdempotencyKeysTable
}

/** A database handle or an open transaction: module functions accept either, the caller decides. */
export type Executor = Kysely<DB> | Transaction<DB>

export type Row<T extends keyof DB> = Selectable<DB[T]>
export type NewRow<T extends keyof DB> = Insertable<DB[T]>
export type RowUpdate<T extends keyof DB> = Updateable<DB[T]>
