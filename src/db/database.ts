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

export type LifecycleStage = 'lead' | 'prospect' | 'customer' | 'churned'
export type AttributeType = 'text' | 'number' | 'date' | 'boolean' | 'select' | 'multiselect'
/** Exact decimal money: numeric columns read as strings (see type-parsers.ts), written as strings. */
type Money = ColumnType<string, string | number, string | number>
type GeneratedMoney = ColumnType<string, string | number | undefined, string | number>

export interface CustomersTable {
  workspace_id: string
  id: string
  external_id: string | null
  kind: Generated<'person' | 'organisation'>
  name: string
  organisation_id: string | null
  emails: Generated<string[]>
  phones: Generated<string[]>
  country: string | null
  language: string | null
  timezone: string | null
  lifecycle_stage: Generated<LifecycleStage>
  tags: Generated<string[]>
  owner_id: string | null
  tier: string | null
  tier_source: 'manual' | 'value' | null
  attributes: ColumnType<Record<string, unknown>, string | undefined, string>
  revenue: GeneratedMoney
  refunds: GeneratedMoney
  orders_count: Generated<number>
  first_purchase_at: Timestamp | null
  last_purchase_at: Timestamp | null
  created_at: Generated<Date>
  updated_at: Generated<Date>
  search_text: ColumnType<string, never, never>
}

export interface AttributeDefinitionsTable {
  workspace_id: string
  id: string
  key: string
  label: string
  type: AttributeType
  options: Generated<string[]>
  required: Generated<boolean>
  created_at: Generated<Date>
}

export interface ProductsTable {
  workspace_id: string
  id: string
  sku: string
  name: string
  category: string | null
  list_price: Money | null
  unit_cost: Money | null
  active: Generated<boolean>
  created_at: Generated<Date>
  updated_at: Generated<Date>
}

export interface PurchasesTable {
  workspace_id: string
  id: Generated<string>
  external_id: string | null
  customer_id: string
  product_id: string | null
  quantity: Generated<number>
  amount: Money
  cost: Money | null
  occurred_at: Timestamp
  channel: string | null
  status: Generated<'completed' | 'refunded'>
  created_at: Generated<Date>
  updated_at: Generated<Date>
}

export interface TimelineEventsTable {
  workspace_id: string
  id: string
  customer_id: string
  occurred_at: Generated<Date>
  type: string
  summary: string
  data: ColumnType<Record<string, unknown>, string | undefined, string>
  actor_user_id: string | null
}

export interface SegmentsTable {
  workspace_id: string
  id: string
  name: string
  filter: ColumnType<Record<string, unknown>, string, string>
  created_by: string | null
  created_at: Generated<Date>
  updated_at: Generated<Date>
}

export interface CustomerMergesTable {
  workspace_id: string
  id: string
  survivor_id: string
  merged_customer_id: string
  merged_external_id: string | null
  snapshot: ColumnType<Record<string, unknown>, string, string>
  moved: ColumnType<Record<string, number>, string | undefined, string>
  merged_by: string | null
  merged_at: Generated<Date>
}

export type ImportKind = 'customers' | 'purchases'
export type ImportStatus = 'queued' | 'running' | 'succeeded' | 'failed'

export interface ImportJobsTable {
  workspace_id: string
  id: string
  kind: ImportKind
  status: Generated<ImportStatus>
  file_name: string
  file_bytes: number | null
  options: ColumnType<Record<string, unknown>, string | undefined, string>
  phase: string | null
  bytes_read: Generated<number>
  rows_read: Generated<number>
  rows_inserted: Generated<number>
  rows_updated: Generated<number>
  rows_unchanged: Generated<number>
  rows_invalid: Generated<number>
  customers_created: Generated<number>
  errors: ColumnType<unknown[], string | undefined, string>
  message: string | null
  created_by: string | null
  created_at: Generated<Date>
  started_at: Timestamp | null
  finished_at: Timestamp | null
}

export type ValueRunStatus = 'queued' | 'running' | 'succeeded' | 'failed'

export interface ValueSettingsTable {
  workspace_id: string
  tier_rules: ColumnType<Record<string, unknown>, string, string>
  service_fit: ColumnType<Record<string, unknown>, string, string>
  updated_by: string | null
  updated_at: Generated<Date>
}

export interface ValueRunsTable {
  workspace_id: string
  id: string
  status: Generated<ValueRunStatus>
  phase: string | null
  progress: Generated<number>
  options: ColumnType<Record<string, unknown>, string, string>
  result: ColumnType<Record<string, unknown> | null, string | null | undefined, string | null>
  customers_scored: number | null
  tier_changes: number | null
  message: string | null
  created_by: string | null
  created_at: Generated<Date>
  started_at: Timestamp | null
  finished_at: Timestamp | null
  updated_at: Generated<Date>
}

export interface CustomerValuesTable {
  workspace_id: string
  customer_id: string
  run_id: string
  first_purchase_on: string
  last_purchase_on: string
  purchase_days: number
  frequency: number
  recency: number
  age: number
  monetary: Money
  p_alive: number
  expected_purchases: number
  expected_spend: Money
  clv: Money
  revenue: Money
  cost_of_goods: Money
  gross_margin: Money
  cost_to_serve: Money
  net_profit: Money
  predicted_margin: Money
  predicted_net_profit: Money
  rfm_recency: number
  rfm_frequency: number
  rfm_monetary: number
  rfm_segment: string
  value_tier: string | null
  computed_at: Generated<Date>
}

export interface CostEntriesTable {
  workspace_id: string
  id: Generated<string>
  customer_id: string
  source: string
  kind: string
  amount: Money
  occurred_at: Timestamp
  reference: string | null
  created_by: string | null
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
  customers: CustomersTable
  attribute_definitions: AttributeDefinitionsTable
  products: ProductsTable
  purchases: PurchasesTable
  timeline_events: TimelineEventsTable
  segments: SegmentsTable
  customer_merges: CustomerMergesTable
  import_jobs: ImportJobsTable
  value_settings: ValueSettingsTable
  value_runs: ValueRunsTable
  customer_values: CustomerValuesTable
  cost_entries: CostEntriesTable
}

/** A database handle or an open transaction: module functions accept either, the caller decides. */
export type Executor = Kysely<DB> | Transaction<DB>

export type Row<T extends keyof DB> = Selectable<DB[T]>
export type NewRow<T extends keyof DB> = Insertable<DB[T]>
export type RowUpdate<T extends keyof DB> = Updateable<DB[T]>
