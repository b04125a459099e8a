import type { Kysely } from 'kysely'
import { runStatements } from './run-statements.js'

// Service centre: calendars, teams, SLA policies, routing rules, settings, cases with their
// conversation and history, callbacks, playbooks, macros and handled-case costs. Every table keeps
// the distribution rule (workspace_id first in every key); the SLA sweep index is the one index
// without workspace_id, because the sweep runs across workspaces (a plain index, not a key).
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    CREATE TABLE service_calendars (
      workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
      id uuid NOT NULL,
      name text NOT NULL CHECK (name <> ''),
      timezone text NOT NULL,
      hours jsonb NOT NULL,
      holidays text[] NOT NULL DEFAULT '{}',
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (workspace_id, id),
      UNIQUE (workspace_id, name)
    );

    CREATE TABLE service_teams (
      workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
      id uuid NOT NULL,
      name text NOT NULL CHECK (name <> ''),
      description text,
      calendar_id uuid,
      manager_id uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (workspace_id, id),
      UNIQUE (workspace_id, name),
      FOREIGN KEY (workspace_id, calendar_id) REFERENCES service_calendars (workspace_id, id),
      FOREIGN KEY (workspace_id, manager_id) REFERENCES users (workspace_id, id)
    );

    -- last_assigned_at drives round robin: the member who waited longest gets the next case.
    CREATE TABLE service_team_members (
      workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
      team_id uuid NOT NULL,
      user_id uuid NOT NULL,
      skills text[] NOT NULL DEFAULT '{}',
      available boolean NOT NULL DEFAULT true,
      max_open integer CHECK (max_open > 0),
      last_assigned_at timestamptz,
      joined_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (workspace_id, team_id, user_id),
      FOREIGN KEY (workspace_id, team_id) REFERENCES service_teams (workspace_id, id) ON DELETE CASCADE,
      FOREIGN KEY (workspace_id, user_id) REFERENCES users (workspace_id, id) ON DELETE CASCADE
    );
    CREATE INDEX service_team_members_user_idx ON service_team_members (workspace_id, user_id);

    -- One policy per value tier, one default (customers without a matching tier) and one for
    -- internal requests. targets: {"<priority>": {"firstResponse": min, "nextResponse": min, "resolution": min}}.
    CREATE TABLE sla_policies (
      workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
      id uuid NOT NULL,
      name text NOT NULL CHECK (name <> ''),
      applies_to text NOT NULL CHECK (applies_to IN ('tier', 'default', 'internal')),
      tier text,
      calendar_id uuid,
      targets jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (workspace_id, id),
      UNIQUE (workspace_id, name),
      CHECK ((applies_to = 'tier') = (tier IS NOT NULL)),
      FOREIGN KEY (workspace_id, calendar_id) REFERENCES service_calendars (workspace_id, id)
    );
    CREATE UNIQUE INDEX sla_policies_scope_idx ON sla_policies (workspace_id, applies_to, (coalesce(tier, '')));

    CREATE TABLE routing_rules (
      workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
      id uuid NOT NULL,
      name text NOT NULL CHECK (name <> ''),
      position integer NOT NULL DEFAULT 0,
      active boolean NOT NULL DEFAULT true,
      match_channels text[] NOT NULL DEFAULT '{}',
      match_categories text[] NOT NULL DEFAULT '{}',
      match_tiers text[] NOT NULL DEFAULT '{}',
      match_requester text CHECK (match_requester IN ('customer', 'internal')),
      team_id uuid NOT NULL,
      strategy text NOT NULL CHECK (strategy IN ('manual', 'round_robin', 'least_loaded')),
      use_skills boolean NOT NULL DEFAULT false,
      key_account_first boolean NOT NULL DEFAULT false,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (workspace_id, id),
      FOREIGN KEY (workspace_id, team_id) REFERENCES service_teams (workspace_id, id) ON DELETE CASCADE
    );
    CREATE INDEX routing_rules_order_idx ON routing_rules (workspace_id, position, id) WHERE active;

    CREATE TABLE service_settings (
      workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
      priority_matrix jsonb NOT NULL DEFAULT '{}',
      channel_costs jsonb NOT NULL DEFAULT '{}',
      warning_percent integer NOT NULL DEFAULT 80 CHECK (warning_percent BETWEEN 1 AND 99),
      default_calendar_id uuid,
      default_team_id uuid,
      intake_enabled boolean NOT NULL DEFAULT false,
      intake_team_id uuid,
      intake_categories text[] NOT NULL DEFAULT '{}',
      callback_slot_minutes integer NOT NULL DEFAULT 15 CHECK (callback_slot_minutes BETWEEN 5 AND 240),
      callback_slot_capacity integer NOT NULL DEFAULT 2 CHECK (callback_slot_capacity BETWEEN 1 AND 1000),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (workspace_id),
      FOREIGN KEY (workspace_id, default_calendar_id) REFERENCES service_calendars (workspace_id, id),
      FOREIGN KEY (workspace_id, default_team_id) REFERENCES service_teams (workspace_id, id),
      FOREIGN KEY (workspace_id, intake_team_id) REFERENCES service_teams (workspace_id, id)
    );

    -- Case numbers are taken in their own short statement, outside the creating transaction, so
    -- concurrent creations do not queue on this row (a rolled-back creation leaves a gap).
    CREATE TABLE case_numbers (
      workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
      last_number integer NOT NULL,
      PRIMARY KEY (workspace_id)
    );

    CREATE TABLE playbooks (
      workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
      id uuid NOT NULL,
      name text NOT NULL CHECK (name <> ''),
      category text NOT NULL CHECK (category <> ''),
      steps jsonb NOT NULL DEFAULT '[]',
      active boolean NOT NULL DEFAULT true,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (workspace_id, id),
      UNIQUE (workspace_id, category)
    );

    CREATE TABLE macros (
      workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
      id uuid NOT NULL,
      name text NOT NULL CHECK (name <> ''),
      body text NOT NULL,
      visibility text NOT NULL DEFAULT 'public' CHECK (visibility IN ('public', 'internal')),
      category text,
      set_status text,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (workspace_id, id),
      UNIQUE (workspace_id, name)
    );

    -- A case keeps its SLA state in columns: due times, when each clock stopped, whether it met
    -- its target, the pauses so far, and which warnings and breaches were already raised (so the
    -- sweep raises each once). next_due_at is the earliest due time of a running clock (the queue
    -- orders by it); sla_check_at is the next instant the sweep must look at the case.
    CREATE TABLE cases (
      workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
      id uuid NOT NULL,
      number integer NOT NULL,
      channel text NOT NULL CHECK (channel IN ('phone', 'email', 'chat', 'web_form', 'in_person', 'internal')),
      requester_kind text NOT NULL CHECK (requester_kind IN ('customer', 'internal')),
      customer_id uuid,
      department text,
      subject text NOT NULL CHECK (subject <> ''),
      description text NOT NULL DEFAULT '',
      category text,
      urgency text NOT NULL CHECK (urgency IN ('low', 'medium', 'high', 'critical')),
      tier text,
      priority text NOT NULL CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
      priority_rank smallint GENERATED ALWAYS AS (
        CASE priority WHEN 'urgent' THEN 1 WHEN 'high' THEN 2 WHEN 'normal' THEN 3 ELSE 4 END) STORED,
      priority_source text NOT NULL CHECK (priority_source IN ('matrix', 'override', 'escalation')),
      priority_reason text,
      status text NOT NULL DEFAULT 'new'
        CHECK (status IN ('new', 'open', 'waiting_on_customer', 'waiting_on_third_party', 'resolved', 'closed')),
      team_id uuid,
      assignee_id uuid,
      tags text[] NOT NULL DEFAULT '{}',
      merged_into_id uuid,
      sla_policy_id uuid,
      calendar_id uuid,
      first_response_due_at timestamptz,
      first_responded_at timestamptz,
      first_response_met boolean,
      next_response_started_at timestamptz,
      next_response_due_at timestamptz,
      next_responses integer NOT NULL DEFAULT 0,
      next_response_breaches integer NOT NULL DEFAULT 0,
      resolution_due_at timestamptz,
      resolution_met boolean,
      sla_pauses jsonb NOT NULL DEFAULT '[]',
      sla_paused_since timestamptz,
      sla_warned text[] NOT NULL DEFAULT '{}',
      sla_breached text[] NOT NULL DEFAULT '{}',
      sla_check_at timestamptz,
      next_due_at timestamptz,
      escalation_level integer NOT NULL DEFAULT 0,
      opened_at timestamptz NOT NULL,
      resolved_at timestamptz,
      closed_at timestamptz,
      reopened_count integer NOT NULL DEFAULT 0,
      created_by uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (workspace_id, id),
      UNIQUE (workspace_id, number),
      CHECK ((requester_kind = 'customer') = (customer_id IS NOT NULL)),
      CHECK ((requester_kind = 'internal') = (department IS NOT NULL)),
      FOREIGN KEY (workspace_id, customer_id) REFERENCES customers (workspace_id, id),
      FOREIGN KEY (workspace_id, team_id) REFERENCES service_teams (workspace_id, id),
      FOREIGN KEY (workspace_id, assignee_id) REFERENCES users (workspace_id, id),
      FOREIGN KEY (workspace_id, merged_into_id) REFERENCES cases (workspace_id, id)
    );
    -- Team queues and "my queue": cases to work on, most urgent deadline first, then priority.
    -- A paused or target-less case has no deadline and sorts last ('infinity').
    CREATE INDEX cases_team_queue_idx ON cases
      (workspace_id, team_id, (coalesce(next_due_at, 'infinity'::timestamptz)), priority_rank, id)
      WHERE status IN ('new', 'open');
    CREATE INDEX cases_assignee_queue_idx ON cases
      (workspace_id, assignee_id, (coalesce(next_due_at, 'infinity'::timestamptz)), priority_rank, id)
      WHERE status IN ('new', 'open');
    -- Queue health: cases still waiting for their first answer.
    CREATE INDEX cases_waiting_idx ON cases (workspace_id, team_id, opened_at)
      WHERE status IN ('new', 'open') AND first_responded_at IS NULL;
    CREATE INDEX cases_first_response_idx ON cases (workspace_id, team_id, first_responded_at)
      WHERE first_responded_at IS NOT NULL;
    CREATE INDEX cases_status_idx ON cases (workspace_id, status, team_id);
    CREATE INDEX cases_customer_idx ON cases (workspace_id, customer_id, opened_at) WHERE customer_id IS NOT NULL;
    CREATE INDEX cases_opened_idx ON cases (workspace_id, opened_at);
    CREATE INDEX cases_assignee_open_idx ON cases (workspace_id, assignee_id)
      WHERE status NOT IN ('resolved', 'closed');
    CREATE INDEX cases_sla_check_idx ON cases (sla_check_at) WHERE sla_check_at IS NOT NULL;

    CREATE TABLE case_messages (
      workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
      id uuid NOT NULL,
      case_id uuid NOT NULL,
      visibility text NOT NULL CHECK (visibility IN ('public', 'internal')),
      author_kind text NOT NULL CHECK (author_kind IN ('agent', 'customer', 'system')),
      author_user_id uuid,
      author_token_id uuid,
      body text NOT NULL CHECK (body <> ''),
      macro_id uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (workspace_id, id),
      FOREIGN KEY (workspace_id, case_id) REFERENCES cases (workspace_id, id) ON DELETE CASCADE
    );
    CREATE INDEX case_messages_case_idx ON case_messages (workspace_id, case_id, id);

    -- The full history of a case. customer_id is copied in so that the customer timeline reads
    -- these rows in place (a timeline source) and a customer merge moves them with the rest.
    CREATE TABLE case_events (
      workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
      id uuid NOT NULL,
      case_id uuid NOT NULL,
      customer_id uuid,
      type text NOT NULL,
      summary text NOT NULL,
      data jsonb NOT NULL DEFAULT '{}',
      actor_user_id uuid,
      actor_token_id uuid,
      occurred_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (workspace_id, id),
      FOREIGN KEY (workspace_id, case_id) REFERENCES cases (workspace_id, id) ON DELETE CASCADE
    );
    CREATE INDEX case_events_case_idx ON case_events (workspace_id, case_id, id);
    CREATE INDEX case_events_customer_idx ON case_events (workspace_id, customer_id, occurred_at)
      WHERE customer_id IS NOT NULL;
    CREATE INDEX case_events_type_idx ON case_events (workspace_id, type, occurred_at);

    CREATE TABLE case_playbook_steps (
      workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
      case_id uuid NOT NULL,
      step_id text NOT NULL,
      done_by uuid,
      done_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (workspace_id, case_id, step_id),
      FOREIGN KEY (workspace_id, case_id) REFERENCES cases (workspace_id, id) ON DELETE CASCADE
    );

    -- A promise to call back in a slot [slot_start, slot_end); missing it is a breach.
    CREATE TABLE case_callbacks (
      workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
      id uuid NOT NULL,
      case_id uuid NOT NULL,
      customer_id uuid,
      team_id uuid,
      assignee_id uuid,
      phone text NOT NULL CHECK (phone <> ''),
      slot_start timestamptz NOT NULL,
      slot_end timestamptz NOT NULL CHECK (slot_end > slot_start),
      booked_by text NOT NULL CHECK (booked_by IN ('agent', 'customer')),
      status text NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'completed', 'missed', 'cancelled')),
      note text,
      outcome text,
      completed_at timestamptz,
      created_by uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (workspace_id, id),
      FOREIGN KEY (workspace_id, case_id) REFERENCES cases (workspace_id, id) ON DELETE CASCADE,
      FOREIGN KEY (workspace_id, team_id) REFERENCES service_teams (workspace_id, id),
      FOREIGN KEY (workspace_id, assignee_id) REFERENCES users (workspace_id, id)
    );
    CREATE INDEX case_callbacks_queue_idx ON case_callbacks (workspace_id, status, slot_start, id);
    CREATE INDEX case_callbacks_case_idx ON case_callbacks (workspace_id, case_id);
    CREATE INDEX case_callbacks_due_idx ON case_callbacks (slot_end) WHERE status = 'scheduled';

    -- Cost-to-serve of handled cases (unit cost per channel), one row per case, written when a
    -- case is first resolved. The value engine reads it per customer.
    CREATE TABLE case_costs (
      workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
      id uuid NOT NULL,
      case_id uuid NOT NULL,
      customer_id uuid,
      channel text NOT NULL,
      amount numeric(18, 2) NOT NULL CHECK (amount >= 0),
      occurred_at timestamptz NOT NULL,
      PRIMARY KEY (workspace_id, id),
      UNIQUE (workspace_id, case_id),
      FOREIGN KEY (workspace_id, case_id) REFERENCES cases (workspace_id, id) ON DELETE CASCADE
    );
    CREATE INDEX case_costs_customer_idx ON case_costs (workspace_id, customer_id, occurred_at)
      WHERE customer_id IS NOT NULL;
  `,
  )
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `DROP TABLE case_costs, case_callbacks, case_playbook_steps, case_events, case_messages, cases,
       macros, playbooks, case_numbers, service_settings, routing_rules, sla_policies,
       service_team_members, service_teams, service_calendars`,
  )
}
