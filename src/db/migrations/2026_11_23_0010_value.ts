import { type Kysely, sql } from 'kysely'
import { runStatements } from './run-statements.js'

// Value engine: model runs, per-customer scores (predictions, profitability, RFM, value tier),
// the cost-to-serve ledger and per-workspace value settings.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    CREATE TABLE value_settings (
      workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
      tier_rules jsonb NOT NULL,
      service_fit jsonb NOT NULL,
      updated_by uuid,
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (workspace_id)
    );

    CREATE TABLE value_runs (
      workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
      id uuid NOT NULL,
      status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'succeeded', 'failed')),
      phase text,
      progress real NOT NULL DEFAULT 0,
      options jsonb NOT NULL,
      result jsonb,
      customers_scored integer,
      tier_changes integer,
      message text,
      created_by uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      started_at timestamptz,
      finished_at timestamptz,
      -- Heartbeat: a run whose process died stops moving; a new run may then replace it.
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (workspace_id, id)
    );
    -- One active run per workspace: two runs would overwrite each other's scores.
    CREATE UNIQUE INDEX value_runs_active_idx ON value_runs (workspace_id) WHERE status IN ('queued', 'running');

    -- The latest scores, one row per scored customer (a customer with a completed purchase by the
    -- calibration end). Rewritten as a whole by each scoring run, so it never mixes two runs.
    CREATE TABLE customer_values (
      workspace_id uuid NOT NULL,
      customer_id uuid NOT NULL,
      run_id uuid NOT NULL,
      first_purchase_on date NOT NULL,
      last_purchase_on date NOT NULL,
      purchase_days integer NOT NULL,
      frequency integer NOT NULL,
      recency double precision NOT NULL,
      age double precision NOT NULL,
      monetary numeric(18, 2) NOT NULL,
      p_alive double precision NOT NULL,
      expected_purchases double precision NOT NULL,
      expected_spend numeric(18, 2) NOT NULL,
      clv numeric(18, 2) NOT NULL,
      revenue numeric(18, 2) NOT NULL,
      cost_of_goods numeric(18, 2) NOT NULL,
      gross_margin numeric(18, 2) NOT NULL,
      cost_to_serve numeric(18, 2) NOT NULL,
      net_profit numeric(18, 2) NOT NULL,
      predicted_margin numeric(18, 2) NOT NULL,
      predicted_net_profit numeric(18, 2) NOT NULL,
      rfm_recency smallint NOT NULL CHECK (rfm_recency BETWEEN 1 AND 5),
      rfm_frequency smallint NOT NULL CHECK (rfm_frequency BETWEEN 1 AND 5),
      rfm_monetary smallint NOT NULL CHECK (rfm_monetary BETWEEN 1 AND 5),
      rfm_segment text NOT NULL,
      value_tier text,
      computed_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (workspace_id, customer_id),
      FOREIGN KEY (workspace_id, customer_id) REFERENCES customers (workspace_id, id) ON DELETE CASCADE
    );

    -- Cost-to-serve ledger: what serving a customer cost, posted by modules (cases, goodwill,
    -- notifications) and by imports. A reference makes a posting idempotent per source.
    CREATE TABLE cost_entries (
      workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
      id uuid NOT NULL DEFAULT centric_uuid7(),
      customer_id uuid NOT NULL,
      source text NOT NULL CHECK (source ~ '^[a-z][a-z0-9_.-]{0,39}$'),
      kind text NOT NULL CHECK (kind <> '' AND length(kind) <= 60),
      amount numeric(18, 2) NOT NULL,
      occurred_at timestamptz NOT NULL,
      reference text CHECK (reference <> ''),
      created_by uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (workspace_id, id),
      UNIQUE (workspace_id, source, reference),
      FOREIGN KEY (workspace_id, customer_id) REFERENCES customers (workspace_id, id) ON DELETE CASCADE
    );
    CREATE INDEX cost_entries_customer_idx ON cost_entries (workspace_id, customer_id, occurred_at);
  `,
  )
  // A merge moves every row that points at the merged customer (found in the catalog). Scores
  // are derived data, one row per customer: when the survivor has its own row, the merged row
  // is not moved (it goes with the merged customer, ON DELETE CASCADE) instead of refusing the
  // merge; the next run scores the survivor on both histories. One statement: the body holds
  // semicolons that runStatements would split on.
  await sql
    .raw(`
    CREATE FUNCTION customer_values_keep_survivor() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.customer_id <> OLD.customer_id AND EXISTS (
        SELECT 1 FROM customer_values v WHERE v.workspace_id = NEW.workspace_id AND v.customer_id = NEW.customer_id
      ) THEN RETURN NULL; END IF; RETURN NEW;
    END $$`)
    .execute(db)
  await sql
    .raw(`CREATE TRIGGER customer_values_merge BEFORE UPDATE OF customer_id ON customer_values
      FOR EACH ROW EXECUTE FUNCTION customer_values_keep_survivor()`)
    .execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `DROP TABLE cost_entries, customer_values, value_runs, value_settings;
     DROP FUNCTION customer_values_keep_survivor()`,
  )
}
