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

/** The distinct words of the customer names of a workspace: what misspelled searches correct against. */
export interface CustomerNameWordsTable {
  workspace_id: string
  word: string
}

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
  products_created: Generated<number>
  rows_aliased: Generated<number>
  mapping: ColumnType<Record<string, string>, string | undefined, string>
  ignored_columns: Generated<string[]>
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

export type CaseChannel = 'phone' | 'email' | 'chat' | 'web_form' | 'in_person' | 'internal'
export type CaseStatus =
  | 'new'
  | 'open'
  | 'waiting_on_customer'
  | 'waiting_on_third_party'
  | 'resolved'
  | 'closed'
export type CasePriority = 'low' | 'normal' | 'high' | 'urgent'
export type CaseUrgency = 'low' | 'medium' | 'high' | 'critical'
type JsonValue<T> = ColumnType<T, string | undefined, string>

export interface ServiceCalendarsTable {
  workspace_id: string
  id: string
  name: string
  timezone: string
  hours: ColumnType<Record<string, [string, string][]>, string, string>
  holidays: Generated<string[]>
  created_at: Generated<Date>
  updated_at: Generated<Date>
}

export interface ServiceTeamsTable {
  workspace_id: string
  id: string
  name: string
  description: string | null
  calendar_id: string | null
  manager_id: string | null
  created_at: Generated<Date>
  updated_at: Generated<Date>
}

export interface ServiceTeamMembersTable {
  workspace_id: string
  team_id: string
  user_id: string
  skills: Generated<string[]>
  available: Generated<boolean>
  max_open: number | null
  last_assigned_at: Timestamp | null
  joined_at: Generated<Date>
}

export interface SlaPoliciesTable {
  workspace_id: string
  id: string
  name: string
  applies_to: 'tier' | 'default' | 'internal'
  tier: string | null
  calendar_id: string | null
  targets: ColumnType<Record<string, Record<string, number | null>>, string, string>
  created_at: Generated<Date>
  updated_at: Generated<Date>
}

export interface RoutingRulesTable {
  workspace_id: string
  id: string
  name: string
  position: Generated<number>
  active: Generated<boolean>
  match_channels: Generated<string[]>
  match_categories: Generated<string[]>
  match_tiers: Generated<string[]>
  match_requester: 'customer' | 'internal' | null
  team_id: string
  strategy: 'manual' | 'round_robin' | 'least_loaded'
  use_skills: Generated<boolean>
  key_account_first: Generated<boolean>
  created_at: Generated<Date>
  updated_at: Generated<Date>
}

export interface ServiceSettingsTable {
  workspace_id: string
  priority_matrix: JsonValue<Record<string, Record<string, string>>>
  channel_costs: JsonValue<Record<string, string>>
  warning_percent: Generated<number>
  default_calendar_id: string | null
  default_team_id: string | null
  intake_enabled: Generated<boolean>
  intake_team_id: string | null
  intake_categories: Generated<string[]>
  callback_slot_minutes: Generated<number>
  callback_slot_capacity: Generated<number>
  updated_at: Generated<Date>
}

export interface CaseNumbersTable {
  workspace_id: string
  last_number: number
}

export interface PlaybooksTable {
  workspace_id: string
  id: string
  name: string
  category: string
  steps: JsonValue<{ id: string; title: string; kind: string; body: string | null; required: boolean }[]>
  active: Generated<boolean>
  created_at: Generated<Date>
  updated_at: Generated<Date>
}

export interface MacrosTable {
  workspace_id: string
  id: string
  name: string
  body: string
  visibility: Generated<'public' | 'internal'>
  category: string | null
  set_status: CaseStatus | null
  created_at: Generated<Date>
  updated_at: Generated<Date>
}

export interface CasesTable {
  workspace_id: string
  id: string
  number: number
  channel: CaseChannel
  requester_kind: 'customer' | 'internal'
  customer_id: string | null
  department: string | null
  subject: string
  description: Generated<string>
  category: string | null
  urgency: CaseUrgency
  tier: string | null
  priority: CasePriority
  priority_rank: ColumnType<number, never, never>
  priority_source: 'matrix' | 'override' | 'escalation'
  priority_reason: string | null
  status: Generated<CaseStatus>
  team_id: string | null
  assignee_id: string | null
  tags: Generated<string[]>
  merged_into_id: string | null
  sla_policy_id: string | null
  calendar_id: string | null
  first_response_due_at: Timestamp | null
  first_responded_at: Timestamp | null
  first_response_met: boolean | null
  next_response_started_at: Timestamp | null
  next_response_due_at: Timestamp | null
  next_responses: Generated<number>
  next_response_breaches: Generated<number>
  resolution_due_at: Timestamp | null
  resolution_met: boolean | null
  sla_pauses: JsonValue<{ from: string; to: string }[]>
  sla_paused_since: Timestamp | null
  sla_warned: Generated<string[]>
  sla_breached: Generated<string[]>
  sla_check_at: Timestamp | null
  next_due_at: Timestamp | null
  escalation_level: Generated<number>
  opened_at: Timestamp
  resolved_at: Timestamp | null
  closed_at: Timestamp | null
  reopened_count: Generated<number>
  created_by: string | null
  created_at: Generated<Date>
  updated_at: Generated<Date>
}

export interface CaseMessagesTable {
  workspace_id: string
  id: string
  case_id: string
  visibility: 'public' | 'internal'
  author_kind: 'agent' | 'customer' | 'system'
  author_user_id: string | null
  author_token_id: string | null
  body: string
  macro_id: string | null
  created_at: Generated<Date>
}

export interface CaseEventsTable {
  workspace_id: string
  id: string
  case_id: string
  customer_id: string | null
  type: string
  summary: string
  data: JsonValue<Record<string, unknown>>
  actor_user_id: string | null
  actor_token_id: string | null
  occurred_at: Generated<Date>
}

export interface CasePlaybookStepsTable {
  workspace_id: string
  case_id: string
  step_id: string
  done_by: string | null
  done_at: Generated<Date>
}

export interface CaseCallbacksTable {
  workspace_id: string
  id: string
  case_id: string
  customer_id: string | null
  team_id: string | null
  assignee_id: string | null
  phone: string
  slot_start: Timestamp
  slot_end: Timestamp
  booked_by: 'agent' | 'customer'
  status: Generated<'scheduled' | 'completed' | 'missed' | 'cancelled'>
  note: string | null
  outcome: string | null
  completed_at: Timestamp | null
  created_by: string | null
  created_at: Generated<Date>
}

export interface CaseCostsTable {
  workspace_id: string
  id: string
  case_id: string
  customer_id: string | null
  channel: string
  amount: Money
  occurred_at: Timestamp
}

export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'dead'

export interface OutboxMessagesTable {
  workspace_id: string
  id: string
  kind: string
  idempotency_key: string
  payload: JsonValue<Record<string, unknown>>
  customer_id: string | null
  status: Generated<OutboxStatus>
  attempts: Generated<number>
  max_attempts: Generated<number>
  next_attempt_at: Generated<Date>
  locked_until: Timestamp | null
  last_error: string | null
  created_at: Generated<Date>
  sent_at: Timestamp | null
}

export interface FeedbackSettingsTable {
  workspace_id: string
  default_language: Generated<string>
  fatigue_days: Generated<number>
  quiet_start: Generated<number>
  quiet_end: Generated<number>
  reminder_days: Generated<number>
  close_days: Generated<number>
  from_address: Generated<string>
  smtp_url: string | null
  idea_keywords: Generated<string[]>
  follow_up_team_id: string | null
  follow_up_priority: Generated<'urgent' | 'high' | 'normal' | 'low'>
  updated_at: Generated<Date>
}

export type SurveyKind = 'nps' | 'csat' | 'ces'
export type SurveyTrigger = 'case_resolved' | 'purchase' | 'periodic' | 'manual'

export interface SurveysTable {
  workspace_id: string
  id: string
  name: string
  kind: SurveyKind
  trigger: SurveyTrigger
  delay_days: Generated<number>
  segment_id: string | null
  period_days: number | null
  follow_up_threshold: number | null
  questions: JsonValue<{ id: string; label: Record<string, string> }[]>
  texts: JsonValue<Record<string, Record<string, string>>>
  active: Generated<boolean>
  created_at: Generated<Date>
  updated_at: Generated<Date>
}

export type InvitationStatus = 'scheduled' | 'sent' | 'answered' | 'expired' | 'suppressed'

export interface SurveyInvitationsTable {
  workspace_id: string
  id: string
  survey_id: string
  customer_id: string
  case_id: string | null
  purchase_id: string | null
  channel: string | null
  team_id: string | null
  agent_id: string | null
  language: string
  email: string | null
  token_hash: string | null
  reminder_token_hash: string | null
  status: Generated<InvitationStatus>
  status_reason: string | null
  send_after: Timestamp
  sent_at: Timestamp | null
  reminded_at: Timestamp | null
  expires_at: Timestamp | null
  created_at: Generated<Date>
}

export type LoopStatus = 'open' | 'contacted' | 'resolved'

export interface SurveyResponsesTable {
  workspace_id: string
  id: string
  invitation_id: string
  survey_id: string
  customer_id: string
  kind: SurveyKind
  score: number
  comment: string | null
  answers: JsonValue<Record<string, string>>
  case_id: string | null
  channel: string | null
  team_id: string | null
  agent_id: string | null
  tier: string | null
  language: string
  answered_at: Timestamp
  updated_at: Timestamp
  follow_up_case_id: string | null
  loop_status: LoopStatus | null
  loop_updated_at: Timestamp | null
  idea_id: string | null
}

export type IdeaStatus = 'new' | 'planned' | 'in_progress' | 'done' | 'declined'

export interface IdeasTable {
  workspace_id: string
  id: string
  title: string
  status: Generated<IdeaStatus>
  created_at: Generated<Date>
  updated_at: Generated<Date>
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
  customer_name_words: CustomerNameWordsTable
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
  service_calendars: ServiceCalendarsTable
  service_teams: ServiceTeamsTable
  service_team_members: ServiceTeamMembersTable
  sla_policies: SlaPoliciesTable
  routing_rules: RoutingRulesTable
  service_settings: ServiceSettingsTable
  case_numbers: CaseNumbersTable
  playbooks: PlaybooksTable
  macros: MacrosTable
  cases: CasesTable
  case_messages: CaseMessagesTable
  case_events: CaseEventsTable
  case_playbook_steps: CasePlaybookStepsTable
  case_callbacks: CaseCallbacksTable
  case_costs: CaseCostsTable
  grant_action_types: GrantActionTypesTable
  authority_policies: AuthorityPoliciesTable
  grant_approvals: GrantApprovalsTable
  grant_budget_locks: GrantBudgetLocksTable
  grant_ledger: GrantLedgerTable
  outbox_messages: OutboxMessagesTable
  feedback_settings: FeedbackSettingsTable
  surveys: SurveysTable
  survey_invitations: SurveyInvitationsTable
  survey_responses: SurveyResponsesTable
  ideas: IdeasTable
}

/** A database handle or an open transaction: module functions accept either, the caller decides. */
export type Executor = Kysely<DB> | Transaction<DB>

export type Row<T extends keyof DB> = Selectable<DB[T]>
export type NewRow<T extends keyof DB> = Insertable<DB[T]>
export type RowUpdate<T extends keyof DB> = Updateable<DB[T]>

export type GrantActionKind =
  | 'refund'
  | 'account_credit'
  | 'gift'
  | 'free_upgrade'
  | 'waived_fee'
  | 'onsite_repair'
  | 'custom'

export interface GrantActionTypesTable {
  workspace_id: string
  id: string
  kind: GrantActionKind
  name: string
  cost_rule: 'entered' | 'fixed'
  fixed_amount: Money | null
  active: Generated<boolean>
  created_at: Generated<Date>
  updated_at: Generated<Date>
}

export interface AuthorityPoliciesTable {
  workspace_id: string
  id: string
  name: string
  role: Role
  team_id: string | null
  max_per_grant: Money
  max_per_customer: Money | null
  customer_period_days: Generated<number>
  max_per_agent_month: Money | null
  tiers: Generated<string[]>
  categories: Generated<string[]>
  stages: Generated<string[]>
  active: Generated<boolean>
  created_at: Generated<Date>
  updated_at: Generated<Date>
}

export interface GrantApprovalsTable {
  workspace_id: string
  id: string
  customer_id: string
  case_id: string | null
  action_type_id: string
  amount: Money
  reason: string
  requested_by: string | null
  requested_by_token: string | null
  requested_role: Role
  route_to_role: 'manager' | 'admin'
  status: Generated<'pending' | 'approved' | 'denied' | 'expired'>
  decided_by: string | null
  decided_at: Timestamp | null
  decision_reason: string | null
  ledger_id: string | null
  policy_snapshot: JsonValue<Record<string, unknown>>
  expires_at: Timestamp
  created_at: Generated<Date>
}

export interface GrantBudgetLocksTable {
  workspace_id: string
  scope: 'agent' | 'customer'
  subject: string
  touched_at: Generated<Date>
}

export interface GrantLedgerTable {
  workspace_id: string
  id: string
  entry_kind: 'grant' | 'reversal'
  reverses_id: string | null
  granted_customer_id: string
  case_id: string | null
  action_type_id: string
  action_name: string
  amount: Money
  currency: string
  agent_user_id: string | null
  agent_token_id: string | null
  agent_role: Role
  team_id: string | null
  approver_user_id: string | null
  approval_id: string | null
  recorded_by: string | null
  recorded_by_token: string | null
  policy_id: string | null
  policy_snapshot: JsonValue<Record<string, unknown> | null>
  customer_tier: string | null
  reason: string
  occurred_at: Timestamp
}
