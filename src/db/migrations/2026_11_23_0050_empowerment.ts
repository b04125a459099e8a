import { type Kysely, sql } from 'kysely'
import { runStatements } from './run-statements.js'

// Empowerment: action types, authority policies per role (and team), approval requests, budget
// locks and the append-only grant ledger. The ledger has no foreign key to customers and names the
// customer granted_customer_id on purpose: it is a record of what was granted, and a customer merge
// rewrites every customer_id column and every key to customers, which an append-only table must
// refuse. Reads follow customer_merges instead (see ledger-customer.queries.ts).
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    CREATE TABLE grant_action_types (
      workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
      id uuid NOT NULL,
      kind text NOT NULL CHECK (kind IN ('refund', 'account_credit', 'gift', 'free_upgrade', 'waived_fee',
        'onsite_repair', 'custom')),
      name text NOT NULL CHECK (name <> '' AND length(name) <= 80),
      cost_rule text NOT NULL CHECK (cost_rule IN ('entered', 'fixed')),
      fixed_amount numeric(18, 2) CHECK (fixed_amount >= 0),
      active boolean NOT NULL DEFAULT true,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (workspace_id, id),
      UNIQUE (workspace_id, name),
      CHECK ((cost_rule = 'fixed') = (fixed_amount IS NOT NULL))
    );

    -- Empty condition arrays match everything. Limits are in the workspace currency; null = no limit.
    CREATE TABLE authority_policies (
      workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
      id uuid NOT NULL,
      name text NOT NULL CHECK (name <> '' AND length(name) <= 80),
      role text NOT NULL CHECK (role IN ('owner', 'admin', 'manager', 'agent', 'analyst', 'viewer')),
      team_id uuid,
      max_per_grant numeric(18, 2) NOT NULL CHECK (max_per_grant >= 0),
      max_per_customer numeric(18, 2) CHECK (max_per_customer >= 0),
      customer_period_days integer NOT NULL DEFAULT 30 CHECK (customer_period_days BETWEEN 1 AND 3660),
      max_per_agent_month numeric(18, 2) CHECK (max_per_agent_month >= 0),
      tiers text[] NOT NULL DEFAULT '{}',
      categories text[] NOT NULL DEFAULT '{}',
      stages text[] NOT NULL DEFAULT '{}',
      active boolean NOT NULL DEFAULT true,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (workspace_id, id),
      UNIQUE (workspace_id, name),
      FOREIGN KEY (workspace_id, team_id) REFERENCES service_teams (workspace_id, id) ON DELETE CASCADE
    );
    CREATE INDEX authority_policies_role_idx ON authority_policies (workspace_id, role);

    CREATE TABLE grant_approvals (
      workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
      id uuid NOT NULL,
      customer_id uuid NOT NULL,
      case_id uuid,
      action_type_id uuid NOT NULL,
      amount numeric(18, 2) NOT NULL CHECK (amount > 0),
      reason text NOT NULL CHECK (reason <> ''),
      requested_by uuid,
      requested_by_token uuid,
      requested_role text NOT NULL,
      route_to_role text NOT NULL CHECK (route_to_role IN ('manager', 'admin')),
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'denied', 'expired')),
      decided_by uuid,
      decided_at timestamptz,
      decision_reason text,
      ledger_id uuid,
      policy_snapshot jsonb NOT NULL,
      expires_at timestamptz NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (workspace_id, id),
      FOREIGN KEY (workspace_id, customer_id) REFERENCES customers (workspace_id, id) ON DELETE CASCADE,
      FOREIGN KEY (workspace_id, case_id) REFERENCES cases (workspace_id, id) ON DELETE SET NULL (case_id),
      FOREIGN KEY (workspace_id, action_type_id) REFERENCES grant_action_types (workspace_id, id)
    );
    CREATE INDEX grant_approvals_status_idx ON grant_approvals (workspace_id, status, created_at);
    CREATE INDEX grant_approvals_customer_idx ON grant_approvals (workspace_id, customer_id, created_at);

    -- One row per budget subject (an agent, a customer): grants lock it FOR UPDATE so that the
    -- check "used + amount <= limit" and the ledger insert happen one at a time per subject.
    CREATE TABLE grant_budget_locks (
      workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
      scope text NOT NULL CHECK (scope IN ('agent', 'customer')),
      subject uuid NOT NULL,
      touched_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (workspace_id, scope, subject)
    );

    CREATE TABLE grant_ledger (
      workspace_id uuid NOT NULL REFERENCES workspaces (id),
      id uuid NOT NULL,
      entry_kind text NOT NULL CHECK (entry_kind IN ('grant', 'reversal')),
      reverses_id uuid,
      granted_customer_id uuid NOT NULL,
      case_id uuid,
      action_type_id uuid NOT NULL,
      action_name text NOT NULL,
      amount numeric(18, 2) NOT NULL,
      currency text NOT NULL,
      agent_user_id uuid,
      agent_token_id uuid,
      agent_role text NOT NULL,
      team_id uuid,
      approver_user_id uuid,
      approval_id uuid,
      recorded_by uuid,
      recorded_by_token uuid,
      policy_id uuid,
      policy_snapshot jsonb NOT NULL,
      customer_tier text,
      reason text NOT NULL,
      occurred_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (workspace_id, id),
      UNIQUE (workspace_id, reverses_id),
      CHECK ((entry_kind = 'reversal') = (reverses_id IS NOT NULL)),
      CHECK ((entry_kind = 'grant' AND amount > 0) OR (entry_kind = 'reversal' AND amount < 0)),
      FOREIGN KEY (workspace_id, reverses_id) REFERENCES grant_ledger (workspace_id, id)
    );
    CREATE INDEX grant_ledger_customer_idx ON grant_ledger (workspace_id, granted_customer_id, occurred_at);
    CREATE INDEX grant_ledger_agent_idx ON grant_ledger (workspace_id, agent_user_id, occurred_at);
    CREATE INDEX grant_ledger_time_idx ON grant_ledger (workspace_id, occurred_at)
  `,
  )
  // Append-only at the database level: any UPDATE, DELETE or TRUNCATE raises, whoever runs it.
  // Corrections are reversal entries. One statement: the body holds semicolons.
  await sql
    .raw(`
    CREATE FUNCTION grant_ledger_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'grant_ledger is append-only: % refused (post a reversal entry instead)', TG_OP
        USING ERRCODE = 'insufficient_privilege';
    END $$`)
    .execute(db)
  await sql
    .raw(`CREATE TRIGGER grant_ledger_no_change BEFORE UPDATE OR DELETE ON grant_ledger
      FOR EACH ROW EXECUTE FUNCTION grant_ledger_append_only()`)
    .execute(db)
  await sql
    .raw(`CREATE TRIGGER grant_ledger_no_truncate BEFORE TRUNCATE ON grant_ledger
      FOR EACH STATEMENT EXECUTE FUNCTION grant_ledger_append_only()`)
    .execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `DROP TABLE grant_ledger, grant_budget_locks, grant_approvals, authority_policies, grant_action_types;
     DROP FUNCTION grant_ledger_append_only()`,
  )
}
