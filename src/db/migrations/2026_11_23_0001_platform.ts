import type { Kysely } from 'kysely'
import { runStatements } from './run-statements.js'

// Distribution rule (see src/db/reference-tables.ts): every workspace-owned table has workspace_id
// first in its primary key, its unique constraints and its foreign keys to other workspace tables.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    CREATE TABLE workspaces (
      id uuid PRIMARY KEY,
      slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
      name text NOT NULL,
      timezone text NOT NULL DEFAULT 'UTC',
      currency char(3) NOT NULL DEFAULT 'USD',
      created_at timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE logins (
      id uuid PRIMARY KEY,
      email text NOT NULL UNIQUE CHECK (email = lower(email)),
      password_hash text NOT NULL,
      failed_attempts integer NOT NULL DEFAULT 0,
      locked_until timestamptz,
      created_at timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE sessions (
      id text PRIMARY KEY,
      login_id uuid NOT NULL REFERENCES logins (id) ON DELETE CASCADE,
      workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
      csrf_token text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL,
      last_seen_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX sessions_login_idx ON sessions (login_id);

    CREATE TABLE users (
      workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
      id uuid NOT NULL,
      login_id uuid NOT NULL REFERENCES logins (id),
      name text NOT NULL,
      role text NOT NULL CHECK (role IN ('owner', 'admin', 'manager', 'agent', 'analyst', 'viewer')),
      active boolean NOT NULL DEFAULT true,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (workspace_id, id),
      UNIQUE (workspace_id, login_id)
    );

    CREATE TABLE api_tokens (
      workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
      id uuid NOT NULL,
      name text NOT NULL,
      role text NOT NULL CHECK (role IN ('owner', 'admin', 'manager', 'agent', 'analyst', 'viewer')),
      token_hash text NOT NULL,
      prefix text NOT NULL,
      created_by uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz,
      last_used_at timestamptz,
      revoked_at timestamptz,
      PRIMARY KEY (workspace_id, id),
      UNIQUE (workspace_id, token_hash),
      FOREIGN KEY (workspace_id, created_by) REFERENCES users (workspace_id, id)
    );

    CREATE TABLE audit_log (
      workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
      id uuid NOT NULL,
      at timestamptz NOT NULL DEFAULT now(),
      actor_user_id uuid,
      actor_token_id uuid,
      action text NOT NULL,
      entity_type text NOT NULL,
      entity_id text NOT NULL,
      before jsonb,
      after jsonb,
      request_id text,
      PRIMARY KEY (workspace_id, id)
    );
    CREATE INDEX audit_log_entity_idx ON audit_log (workspace_id, entity_type, entity_id);

    CREATE TABLE idempotency_keys (
      workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
      key text NOT NULL,
      method text NOT NULL,
      path text NOT NULL,
      request_hash text NOT NULL,
      status_code integer,
      response_body text,
      response_type text,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (workspace_id, key)
    );
  `,
  )
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    'DROP TABLE idempotency_keys, audit_log, api_tokens, users, sessions, logins, workspaces',
  )
}
