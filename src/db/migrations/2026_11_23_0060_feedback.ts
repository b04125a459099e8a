import type { Kysely } from 'kysely'
import { runStatements } from './run-statements.js'

// The generic outbox (every notification and webhook goes through it) and the feedback loop:
// settings, surveys, invitations with their hashed tokens, responses, and ideas.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `CREATE TABLE outbox_messages (
      workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
      id uuid NOT NULL,
      kind text NOT NULL CHECK (kind ~ '^[a-z][a-z0-9_.-]{0,39}$'),
      idempotency_key text NOT NULL CHECK (length(idempotency_key) BETWEEN 1 AND 255),
      payload jsonb NOT NULL,
      customer_id uuid,
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sending', 'sent', 'dead')),
      attempts integer NOT NULL DEFAULT 0,
      max_attempts integer NOT NULL DEFAULT 6 CHECK (max_attempts BETWEEN 1 AND 50),
      next_attempt_at timestamptz NOT NULL DEFAULT now(),
      locked_until timestamptz,
      last_error text,
      created_at timestamptz NOT NULL DEFAULT now(),
      sent_at timestamptz,
      PRIMARY KEY (workspace_id, id),
      UNIQUE (workspace_id, idempotency_key)
    );
    -- The worker's claim scans only undelivered rows, oldest due first.
    CREATE INDEX outbox_due_idx ON outbox_messages (next_attempt_at) WHERE status IN ('pending', 'sending');
    CREATE INDEX outbox_customer_idx ON outbox_messages (workspace_id, customer_id) WHERE customer_id IS NOT NULL;

    CREATE TABLE feedback_settings (
      workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
      default_language text NOT NULL DEFAULT 'en',
      fatigue_days integer NOT NULL DEFAULT 30 CHECK (fatigue_days BETWEEN 0 AND 365),
      quiet_start smallint NOT NULL DEFAULT 21 CHECK (quiet_start BETWEEN 0 AND 23),
      quiet_end smallint NOT NULL DEFAULT 8 CHECK (quiet_end BETWEEN 0 AND 23),
      reminder_days integer NOT NULL DEFAULT 3 CHECK (reminder_days BETWEEN 0 AND 60),
      close_days integer NOT NULL DEFAULT 14 CHECK (close_days BETWEEN 1 AND 365),
      from_address text NOT NULL DEFAULT 'feedback@centric.local',
      smtp_url text,
      idea_keywords text[] NOT NULL DEFAULT '{idea,suggest,wish,would love,feature request}',
      follow_up_team_id uuid,
      follow_up_priority text NOT NULL DEFAULT 'high' CHECK (follow_up_priority IN ('urgent', 'high', 'normal', 'low')),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (workspace_id)
    );

    CREATE TABLE surveys (
      workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
      id uuid NOT NULL,
      name text NOT NULL,
      kind text NOT NULL CHECK (kind IN ('nps', 'csat', 'ces')),
      trigger text NOT NULL CHECK (trigger IN ('case_resolved', 'purchase', 'periodic', 'manual')),
      delay_days integer NOT NULL DEFAULT 0 CHECK (delay_days BETWEEN 0 AND 365),
      segment_id uuid,
      period_days integer CHECK (period_days BETWEEN 1 AND 3650),
      follow_up_threshold smallint,
      questions jsonb NOT NULL DEFAULT '[]',
      texts jsonb NOT NULL DEFAULT '{}',
      active boolean NOT NULL DEFAULT true,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (workspace_id, id),
      UNIQUE (workspace_id, name)
    );

    CREATE TABLE survey_invitations (
      workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
      id uuid NOT NULL,
      survey_id uuid NOT NULL,
      customer_id uuid NOT NULL,
      case_id uuid,
      purchase_id uuid,
      channel text,
      team_id uuid,
      agent_id uuid,
      language text NOT NULL,
      email text,
      token_hash text,
      reminder_token_hash text,
      status text NOT NULL DEFAULT 'scheduled'
        CHECK (status IN ('scheduled', 'sent', 'answered', 'expired', 'suppressed')),
      status_reason text,
      send_after timestamptz NOT NULL,
      sent_at timestamptz,
      reminded_at timestamptz,
      expires_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (workspace_id, id),
      FOREIGN KEY (workspace_id, survey_id) REFERENCES surveys (workspace_id, id) ON DELETE CASCADE,
      FOREIGN KEY (workspace_id, customer_id) REFERENCES customers (workspace_id, id),
      UNIQUE (workspace_id, token_hash),
      UNIQUE (workspace_id, reminder_token_hash)
    );
    -- A public link carries no workspace: the token hash alone finds the invitation.
    CREATE INDEX survey_invitations_token_idx ON survey_invitations (token_hash);
    CREATE INDEX survey_invitations_reminder_token_idx ON survey_invitations (reminder_token_hash);
    CREATE UNIQUE INDEX survey_invitations_case_uq ON survey_invitations (workspace_id, survey_id, case_id)
      WHERE case_id IS NOT NULL;
    CREATE UNIQUE INDEX survey_invitations_purchase_uq ON survey_invitations (workspace_id, survey_id, purchase_id)
      WHERE purchase_id IS NOT NULL;
    CREATE INDEX survey_invitations_customer_idx ON survey_invitations (workspace_id, customer_id, created_at);
    CREATE INDEX survey_invitations_due_idx ON survey_invitations (send_after) WHERE status IN ('scheduled', 'sent');

    CREATE TABLE ideas (
      workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
      id uuid NOT NULL,
      title text NOT NULL,
      status text NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'planned', 'in_progress', 'done', 'declined')),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (workspace_id, id),
      UNIQUE (workspace_id, title)
    );

    CREATE TABLE survey_responses (
      workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
      id uuid NOT NULL,
      invitation_id uuid NOT NULL,
      survey_id uuid NOT NULL,
      customer_id uuid NOT NULL,
      kind text NOT NULL CHECK (kind IN ('nps', 'csat', 'ces')),
      score smallint NOT NULL CHECK (score BETWEEN 0 AND 10),
      comment text,
      answers jsonb NOT NULL DEFAULT '{}',
      case_id uuid,
      channel text,
      team_id uuid,
      agent_id uuid,
      tier text,
      language text NOT NULL,
      answered_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      follow_up_case_id uuid,
      loop_status text CHECK (loop_status IN ('open', 'contacted', 'resolved')),
      loop_updated_at timestamptz,
      idea_id uuid,
      PRIMARY KEY (workspace_id, id),
      UNIQUE (workspace_id, invitation_id),
      FOREIGN KEY (workspace_id, invitation_id) REFERENCES survey_invitations (workspace_id, id) ON DELETE CASCADE,
      FOREIGN KEY (workspace_id, customer_id) REFERENCES customers (workspace_id, id),
      FOREIGN KEY (workspace_id, idea_id) REFERENCES ideas (workspace_id, id) ON DELETE SET NULL (idea_id)
    );
    CREATE INDEX survey_responses_answered_idx ON survey_responses (workspace_id, kind, answered_at);
    CREATE INDEX survey_responses_customer_idx ON survey_responses (workspace_id, customer_id, answered_at);
    CREATE INDEX survey_responses_case_idx ON survey_responses (workspace_id, case_id) WHERE case_id IS NOT NULL;
    CREATE INDEX survey_responses_follow_up_idx ON survey_responses (workspace_id, follow_up_case_id)
      WHERE follow_up_case_id IS NOT NULL`,
  )
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    'DROP TABLE survey_responses, ideas, survey_invitations, surveys, feedback_settings, outbox_messages',
  )
}
