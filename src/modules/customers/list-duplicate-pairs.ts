import { type RawBuilder, sql, type Transaction } from 'kysely'
import { z } from 'zod'
import type { DB, Executor } from '../../db/database.js'
import { decodeCursor, type Page, type PageQuery, toPage } from '../../shared/pagination.js'
import {
  DuplicateCustomerSummary,
  DuplicateReasons,
  MAX_NAMESAKES,
  MAX_SHARED_BY,
  MIN_PHONE_DIGITS,
  NAME_SIMILARITY,
  normalisedEmail,
  normalisedPhone,
  scoreSql,
  toReasons,
} from './duplicates.queries.js'

export const DuplicatePairView = z.object({
  a: DuplicateCustomerSummary,
  b: DuplicateCustomerSummary,
  score: z.number().describe('0–1: how likely the two records are one customer'),
  reasons: DuplicateReasons,
})
export type DuplicatePairView = z.infer<typeof DuplicatePairView>

interface PairRow {
  a: string
  b: string
  emails: string[]
  phones: string[]
  name_similarity: number
  score: string
  a_customer: Record<string, unknown>
  b_customer: Record<string, unknown>
}

/**
 * Likely duplicate pairs across the workspace, best first, each pair once (a's id < b's id).
 * Emails and phones are matched set-based (one hash join per kind of value). Names are compared
 * within blocks only (see nv), so a name with typos at both ends, or a name shared by more than
 * MAX_NAMESAKES customers, pairs nobody here; `findDuplicates` on one customer still finds it
 * through the trigram index. Each page recomputes the whole workspace: about a second at 100,000
 * customers (bench/customer-duplicates.bench.ts).
 */
export async function listDuplicatePairs(
  db: Executor,
  workspaceId: string,
  query: PageQuery,
): Promise<Page<DuplicatePairView>> {
  const after = query.cursor ? decodeCursor(query.cursor, 3) : undefined
  const keyset = after
    ? sql`WHERE score < ${after[0]}::numeric OR (score = ${after[0]}::numeric AND (a, b) > (${after[1]}::uuid, ${after[2]}::uuid))`
    : sql``
  const run = async (tx: Transaction<DB>) => {
    // Hash joins over every email, phone and name of the workspace: the default 4 MB would spill.
    // JIT compiling this many expressions costs seconds and saves less than it costs here.
    await sql`SELECT set_config('work_mem', '64MB', true), set_config('jit', 'off', true)`.execute(tx)
    return (await pairsQuery(workspaceId, query.limit + 1, keyset).execute(tx)).rows
  }
  const rows = db.isTransaction ? await run(db as Transaction<DB>) : await db.transaction().execute(run)
  return toPage(
    rows,
    query.limit,
    (r) => [r.score, r.a, r.b],
    (r) => ({
      a: r.a_customer as DuplicatePairView['a'],
      b: r.b_customer as DuplicatePairView['b'],
      score: Number(r.score),
      reasons: toReasons(r.emails, r.phones, r.name_similarity),
    }),
  )
}

const summary = (alias: string) =>
  sql`jsonb_build_object('id', ${sql.ref(`${alias}.id`)}, 'externalId', ${sql.ref(`${alias}.external_id`)},
    'kind', ${sql.ref(`${alias}.kind`)}, 'name', ${sql.ref(`${alias}.name`)},
    'emails', ${sql.ref(`${alias}.emails`)}, 'phones', ${sql.ref(`${alias}.phones`)})`

/** Values on 2 to MAX_SHARED_BY customers, then their pairs; a value on many records is skipped. */
const shared = (values: string) => sql`
  SELECT id, kind, v FROM ${sql.id(values)}
  WHERE v IN (SELECT v FROM ${sql.id(values)} GROUP BY v HAVING count(*) BETWEEN 2 AND ${MAX_SHARED_BY})`
const sharedValuePairs = (values: string, column: string) => sql`
  SELECT x.id AS a, y.id AS b, array_agg(DISTINCT x.v ORDER BY x.v) AS ${sql.id(column)}
  FROM ${sql.id(values)} x JOIN ${sql.id(values)} y ON y.v = x.v AND y.kind = x.kind AND x.id < y.id
  GROUP BY x.id, y.id`

function pairsQuery(workspaceId: string, limit: number, keyset: RawBuilder<unknown>) {
  return sql<PairRow>`
    -- unnest in the select list (one ProjectSet pass) is several times cheaper than a lateral
    -- function scan per customer.
    WITH ev AS (
      SELECT DISTINCT id, kind, ${normalisedEmail(sql.ref('x'))} AS v
      FROM (SELECT id, kind, unnest(emails) AS x FROM customers WHERE workspace_id = ${workspaceId}) e
    ),
    pv AS (
      SELECT DISTINCT id, kind, v FROM (
        SELECT id, kind, ${normalisedPhone(sql.ref('x'))} AS v
        FROM (SELECT id, kind, unnest(phones) AS x FROM customers WHERE workspace_id = ${workspaceId}) p
      ) p
      WHERE length(ltrim(v, '+')) >= ${MIN_PHONE_DIGITS}
    ),
    ev1 AS (${shared('ev')}),
    pv1 AS (${shared('pv')}),
    email_pairs AS (${sharedValuePairs('ev1', 'emails')}),
    phone_pairs AS (${sharedValuePairs('pv1', 'phones')}),
    contact_pairs AS (
      SELECT coalesce(e.a, p.a) AS a, coalesce(e.b, p.b) AS b, e.emails, p.phones
      FROM email_pairs e FULL JOIN phone_pairs p ON p.a = e.a AND p.b = e.b
    ),
    -- Names are compared as distinct values, and only names on at most MAX_NAMESAKES customers,
    -- within blocks: same start (first 2 letters of the first word, first 3 of the last) or same
    -- end (last 2 letters of the first word, last 3 of the last). One typo leaves one of the two
    -- intact unless a word is very short, and the blocks keep the comparisons near-linear.
    nv AS (
      SELECT name, kind, ids,
        left(w1, 2) || '|' || left(w2, 3) AS head, right(w1, 2) || '|' || right(w2, 3) AS tail
      FROM (
        SELECT lower(btrim(name)) AS name, kind, array_agg(id) AS ids,
          split_part(lower(btrim(name)), ' ', 1) AS w1,
          reverse(split_part(reverse(lower(btrim(name))), ' ', 1)) AS w2
        FROM customers WHERE workspace_id = ${workspaceId}
        GROUP BY lower(btrim(name)), kind HAVING count(*) <= ${MAX_NAMESAKES}
      ) n
    ),
    name_links AS (
      SELECT x.name AS n1, y.name AS n2, x.kind FROM nv x JOIN nv y ON y.head = x.head AND y.kind = x.kind AND x.name < y.name
      UNION
      SELECT x.name, y.name, x.kind FROM nv x JOIN nv y ON y.tail = x.tail AND y.kind = x.kind AND x.name < y.name
    ),
    -- Materialised: the similarity is computed once per pair of distinct names, not per customer pair.
    similar_names AS MATERIALIZED (
      SELECT n1, n2, kind, similarity(n1, n2)::float8 AS sim FROM name_links WHERE similarity(n1, n2) >= ${NAME_SIMILARITY}
      UNION ALL
      SELECT name, name, kind, 1 FROM nv WHERE cardinality(ids) > 1
    ),
    name_pairs AS (
      SELECT least(x, y) AS a, greatest(x, y) AS b, s.sim
      FROM similar_names s
      JOIN nv v1 ON v1.name = s.n1 AND v1.kind = s.kind
      JOIN nv v2 ON v2.name = s.n2 AND v2.kind = s.kind
      CROSS JOIN LATERAL unnest(v1.ids) x
      CROSS JOIN LATERAL unnest(v2.ids) y
      -- Namesakes meet twice (x, y and y, x): keep one.
      WHERE s.n1 <> s.n2 OR x < y
    ),
    -- Contact pairs are few: their name similarity is computed whatever their block.
    contact_scored AS (
      SELECT p.*, similarity(lower(ca.name), lower(cb.name))::float8 AS sim
      FROM contact_pairs p
      JOIN customers ca ON ca.workspace_id = ${workspaceId} AND ca.id = p.a
      JOIN customers cb ON cb.workspace_id = ${workspaceId} AND cb.id = p.b
    ),
    ranked AS (
      SELECT s.*, ${scoreSql(sql`cardinality(emails) > 0`, sql`cardinality(phones) > 0`, sql`name_similarity`)} AS score
      FROM (
        SELECT coalesce(c.a, n.a) AS a, coalesce(c.b, n.b) AS b, coalesce(c.emails, '{}') AS emails,
          coalesce(c.phones, '{}') AS phones, coalesce(c.sim, n.sim) AS name_similarity
        FROM contact_scored c FULL JOIN name_pairs n ON n.a = c.a AND n.b = c.b
      ) s
    ),
    page AS (SELECT * FROM ranked ${keyset} ORDER BY score DESC, a, b LIMIT ${limit})
    SELECT page.*, ${summary('ca')} AS a_customer, ${summary('cb')} AS b_customer
    FROM page
    JOIN customers ca ON ca.workspace_id = ${workspaceId} AND ca.id = page.a
    JOIN customers cb ON cb.workspace_id = ${workspaceId} AND cb.id = page.b
    ORDER BY page.score DESC, page.a, page.b`
}
