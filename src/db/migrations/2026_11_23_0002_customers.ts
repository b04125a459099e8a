import type { Kysely } from 'kysely'
import { runStatements } from './run-statements.js'

// Customer 360: customers (people and organisations), custom attribute definitions, products,
// purchases, the generic timeline table, saved segments, merges and import jobs.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    CREATE EXTENSION IF NOT EXISTS pg_trgm;

    -- UUIDv7 in SQL (PostgreSQL 15 has no uuidv7()): bulk inserts get time-ordered keys, so the
    -- primary key index grows at its right edge like the ids made in application code.
    CREATE FUNCTION centric_uuid7() RETURNS uuid LANGUAGE sql VOLATILE AS $$
      SELECT encode(
        set_bit(set_bit(
          overlay(uuid_send(gen_random_uuid())
            placing substring(int8send((extract(epoch FROM clock_timestamp()) * 1000)::bigint) FROM 3)
            FROM 1 FOR 6),
          52, 1), 53, 1), 'hex')::uuid
    $$;

    -- What typo-tolerant search matches against: one lower-case string per customer.
    CREATE FUNCTION centric_customer_search_text(name text, external_id text, emails text[], phones text[])
      RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
      SELECT lower(coalesce(name, '') || ' ' || coalesce(external_id, '') || ' ' ||
                   coalesce(array_to_string(emails, ' '), '') || ' ' || coalesce(array_to_string(phones, ' '), ''))
    $$;

    -- The words of a name, lower-cased: "Anna Maria Müller" is found by "müller anna" at once.
    CREATE FUNCTION centric_name_words(name text) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
      SELECT regexp_split_to_array(lower(trim(name)), '\\s+')
    $$;

    CREATE TABLE customers (
      workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
      id uuid NOT NULL,
      external_id text CHECK (external_id <> ''),
      kind text NOT NULL DEFAULT 'person' CHECK (kind IN ('person', 'organisation')),
      name text NOT NULL,
      organisation_id uuid,
      emails text[] NOT NULL DEFAULT '{}',
      phones text[] NOT NULL DEFAULT '{}',
      country text CHECK (country ~ '^[A-Z]{2}$'),
      language text,
      timezone text,
      lifecycle_stage text NOT NULL DEFAULT 'customer'
        CHECK (lifecycle_stage IN ('lead', 'prospect', 'customer', 'churned')),
      tags text[] NOT NULL DEFAULT '{}',
      owner_id uuid,
      -- Value tier: set by the value engine, or by hand until it has run (tier_source says which).
      tier text,
      tier_source text CHECK (tier_source IN ('manual', 'value')),
      attributes jsonb NOT NULL DEFAULT '{}',
      -- Purchase totals, kept by the purchases module so lists can filter and sort on them.
      revenue numeric(18, 2) NOT NULL DEFAULT 0,
      refunds numeric(18, 2) NOT NULL DEFAULT 0,
      orders_count integer NOT NULL DEFAULT 0,
      first_purchase_at timestamptz,
      last_purchase_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      search_text text GENERATED ALWAYS AS (centric_customer_search_text(name, external_id, emails, phones)) STORED,
      PRIMARY KEY (workspace_id, id),
      UNIQUE (workspace_id, external_id),
      FOREIGN KEY (workspace_id, organisation_id) REFERENCES customers (workspace_id, id),
      FOREIGN KEY (workspace_id, owner_id) REFERENCES users (workspace_id, id)
    );
    CREATE INDEX customers_name_idx ON customers (workspace_id, name, id);
    CREATE INDEX customers_revenue_idx ON customers (workspace_id, revenue, id);
    CREATE INDEX customers_last_purchase_idx ON customers (workspace_id, (coalesce(last_purchase_at, '-infinity'::timestamptz)), id);
    CREATE INDEX customers_organisation_idx ON customers (workspace_id, organisation_id) WHERE organisation_id IS NOT NULL;
    CREATE INDEX customers_stage_idx ON customers (workspace_id, lifecycle_stage, id);
    CREATE INDEX customers_country_idx ON customers (workspace_id, country, id);
    CREATE INDEX customers_tier_idx ON customers (workspace_id, tier, id);
    CREATE INDEX customers_tags_idx ON customers USING gin (tags);
    -- Exact lookups answer most searches before the trigram index is needed (see find-customers.ts).
    CREATE INDEX customers_name_prefix_idx ON customers (workspace_id, lower(name) text_pattern_ops);
    CREATE INDEX customers_name_words_idx ON customers USING gin (centric_name_words(name));
    CREATE INDEX customers_search_idx ON customers USING gin (search_text gin_trgm_ops);
    CREATE INDEX customers_emails_idx ON customers USING gin (emails);
    CREATE INDEX customers_phones_idx ON customers USING gin (phones);
    CREATE INDEX customers_attributes_idx ON customers USING gin (attributes jsonb_path_ops);

    CREATE TABLE attribute_definitions (
      workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
      id uuid NOT NULL,
      key text NOT NULL CHECK (key ~ '^[a-z][a-z0-9_]{0,62}$'),
      label text NOT NULL,
      type text NOT NULL CHECK (type IN ('text', 'number', 'date', 'boolean', 'select', 'multiselect')),
      options text[] NOT NULL DEFAULT '{}',
      required boolean NOT NULL DEFAULT false,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (workspace_id, id),
      UNIQUE (workspace_id, key)
    );

    CREATE TABLE products (
      workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
      id uuid NOT NULL,
      sku text NOT NULL CHECK (sku <> ''),
      name text NOT NULL,
      category text,
      list_price numeric(18, 2) CHECK (list_price >= 0),
      unit_cost numeric(18, 2) CHECK (unit_cost >= 0),
      active boolean NOT NULL DEFAULT true,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (workspace_id, id),
      UNIQUE (workspace_id, sku)
    );

    -- One row per order line. A refund sets status 'refunded': the line leaves revenue and is
    -- counted in refunds instead, so nothing disappears from the record.
    CREATE TABLE purchases (
      workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
      id uuid NOT NULL DEFAULT centric_uuid7(),
      external_id text CHECK (external_id <> ''),
      customer_id uuid NOT NULL,
      product_id uuid,
      quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
      amount numeric(18, 2) NOT NULL CHECK (amount >= 0),
      cost numeric(18, 2) CHECK (cost >= 0),
      occurred_at timestamptz NOT NULL,
      channel text,
      status text NOT NULL DEFAULT 'completed' CHECK (status IN ('completed', 'refunded')),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (workspace_id, id),
      UNIQUE (workspace_id, external_id),
      FOREIGN KEY (workspace_id, customer_id) REFERENCES customers (workspace_id, id),
      FOREIGN KEY (workspace_id, product_id) REFERENCES products (workspace_id, id)
    );
    CREATE INDEX purchases_customer_idx ON purchases (workspace_id, customer_id, occurred_at);

    -- Events that modules append to a customer's timeline. Modules whose own rows already are
    -- events (purchases, cases, ...) register a timeline source instead of copying rows here.
    CREATE TABLE timeline_events (
      workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
      id uuid NOT NULL,
      customer_id uuid NOT NULL,
      occurred_at timestamptz NOT NULL DEFAULT now(),
      type text NOT NULL,
      summary text NOT NULL,
      data jsonb NOT NULL DEFAULT '{}',
      actor_user_id uuid,
      PRIMARY KEY (workspace_id, id),
      FOREIGN KEY (workspace_id, customer_id) REFERENCES customers (workspace_id, id) ON DELETE CASCADE
    );
    CREATE INDEX timeline_events_customer_idx ON timeline_events (workspace_id, customer_id, occurred_at, id);

    CREATE TABLE segments (
      workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
      id uuid NOT NULL,
      name text NOT NULL,
      filter jsonb NOT NULL,
      created_by uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (workspace_id, id),
      UNIQUE (workspace_id, name)
    );

    -- A merged customer's row is gone; this keeps what it was, and lets its external id still
    -- find the survivor (a purchase import that names the old id lands on the survivor).
    CREATE TABLE customer_merges (
      workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
      id uuid NOT NULL,
      survivor_id uuid NOT NULL,
      merged_customer_id uuid NOT NULL,
      merged_external_id text,
      snapshot jsonb NOT NULL,
      moved jsonb NOT NULL DEFAULT '{}',
      merged_by uuid,
      merged_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (workspace_id, id),
      FOREIGN KEY (workspace_id, survivor_id) REFERENCES customers (workspace_id, id) ON DELETE CASCADE
    );
    CREATE INDEX customer_merges_external_idx ON customer_merges (workspace_id, merged_external_id)
      WHERE merged_external_id IS NOT NULL;

    CREATE TABLE import_jobs (
      workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
      id uuid NOT NULL,
      kind text NOT NULL CHECK (kind IN ('customers', 'purchases')),
      status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'succeeded', 'failed')),
      file_name text NOT NULL,
      file_bytes bigint,
      options jsonb NOT NULL DEFAULT '{}',
      phase text,
      bytes_read bigint NOT NULL DEFAULT 0,
      rows_read bigint NOT NULL DEFAULT 0,
      rows_inserted bigint NOT NULL DEFAULT 0,
      rows_updated bigint NOT NULL DEFAULT 0,
      rows_unchanged bigint NOT NULL DEFAULT 0,
      rows_invalid bigint NOT NULL DEFAULT 0,
      customers_created bigint NOT NULL DEFAULT 0,
      errors jsonb NOT NULL DEFAULT '[]',
      message text,
      created_by uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      started_at timestamptz,
      finished_at timestamptz,
      PRIMARY KEY (workspace_id, id)
    );
  `,
  )
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `DROP TABLE import_jobs, customer_merges, segments, timeline_events, purchases, products,
       attribute_definitions, customers;
     DROP FUNCTION centric_customer_search_text(text, text, text[], text[]);
     DROP FUNCTION centric_name_words(text);
     DROP FUNCTION centric_uuid7()`,
  )
}
