import type { Kysely } from 'kysely'
import { runStatements } from './run-statements.js'

// The words of every customer name in a workspace, once each: typo-tolerant search corrects each
// word of a query against this short list, then finds the customers by the corrected words through
// the name-words index. At a million customers the trigram index over every search text has posting
// lists too long for a misspelling to be found within the latency target (see README, Benchmarks).
// Words with digits or an @ are ids and emails that stand in for a missing name: exact search and
// the fragment search handle those, and they would swell the list to one word per customer.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    CREATE FUNCTION centric_lexicon_words(name text) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
      SELECT coalesce(array_agg(DISTINCT w), '{}') FROM unnest(centric_name_words(name)) w
      WHERE length(w) >= 2 AND w !~ '[0-9@]'
    $$;
    CREATE TABLE customer_name_words (
      workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
      word text NOT NULL,
      PRIMARY KEY (workspace_id, word)
    );
    CREATE INDEX customer_name_words_trgm_idx ON customer_name_words USING gin (word gin_trgm_ops);
    INSERT INTO customer_name_words (workspace_id, word)
      SELECT DISTINCT c.workspace_id, w FROM customers c, unnest(centric_lexicon_words(c.name)) w
      ORDER BY 1, 2
      ON CONFLICT DO NOTHING
  `,
  )
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, 'DROP TABLE customer_name_words; DROP FUNCTION centric_lexicon_words(text)')
}
