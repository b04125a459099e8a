import { type RawBuilder, sql } from 'kysely'
import type { Executor } from '../../db/database.js'

/**
 * Keeps the workspace's list of name words current (customer_name_words). Every path that writes
 * a customer name calls it in the same transaction: the list only grows, since a word nobody
 * carries any more costs one wasted lookup, while a missing word only makes search slower (the
 * fragment search still finds the customer). `names` is a list of names or a query whose rows have
 * a `name` column. Words go in sorted so concurrent writers take their locks in the same order.
 */
export async function recordNameWords(
  db: Executor,
  workspaceId: string,
  names: readonly string[] | RawBuilder<{ name: string | null }>,
): Promise<void> {
  if (Array.isArray(names) && names.length === 0) return
  const source = Array.isArray(names) ? sql`SELECT unnest(${sql.val(names)}::text[]) AS name` : names
  await sql`
    INSERT INTO customer_name_words (workspace_id, word)
    SELECT DISTINCT ${workspaceId}::uuid, w FROM (${source}) n, unnest(centric_lexicon_words(n.name)) w
    ORDER BY 2
    ON CONFLICT DO NOTHING`.execute(db)
}

/** Name-like: letters, apostrophes and hyphens only. Anything else is an id, email or phone. */
const NAME_WORD = /^[\p{L}'’-]+$/u

/**
 * For each word of a name-like query, the workspace's name words it most likely means: itself when
 * some customer is called that, else the closest by trigram similarity, swapped letters first
 * ("brwon" shares only two trigrams with "brown", as many as with "bryan"). Undefined when the query
 * is not name-like or some word has no close enough name word: the caller falls back to the
 * fragment search.
 */
export async function correctNameWords(
  db: Executor,
  workspaceId: string,
  term: string,
): Promise<string[][] | undefined> {
  const words = [...new Set(term.split(/\s+/).filter(Boolean))]
  if (words.length === 0 || words.length > 6 || !words.every((w) => NAME_WORD.test(w))) return undefined
  // One-letter words (an initial) add nothing to correct; they still count in the ranking.
  const long = words.filter((w) => w.length >= 2)
  if (long.length === 0) return undefined
  const sorted = long.map((w) => [...w].sort().join(''))
  const { rows } = await sql<{ i: number; word: string; sim: number; swapped: boolean }>`
    SELECT q.i::int AS i, l.word, l.sim, l.swapped
    FROM unnest(${sql.val(long)}::text[], ${sql.val(sorted)}::text[]) WITH ORDINALITY AS q(w, letters, i)
    CROSS JOIN LATERAL (
      SELECT word, similarity(word, q.w) AS sim,
        (SELECT string_agg(ch, '' ORDER BY ch) FROM regexp_split_to_table(word, '') ch) = q.letters AS swapped
      FROM customer_name_words
      WHERE workspace_id = ${workspaceId} AND word % q.w
      ORDER BY word = q.w DESC, 3 DESC, 2 DESC, word
      LIMIT 4) l`.execute(db)
  // Close words (pg_trgm's usual 0.3) and anagrams count; only when there are none does a merely
  // plausible word (0.2, the query's threshold) stand in.
  const byWord = long.map((_, i) => {
    const found = rows.filter((r) => r.i === i + 1)
    const close = found.filter((r) => r.swapped || r.sim >= 0.3)
    return (close.length ? close : found).map((r) => r.word)
  })
  return byWord.every((c) => c.length > 0) ? byWord : undefined
}
