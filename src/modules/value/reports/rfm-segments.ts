import { type RawBuilder, sql } from 'kysely'

/** Named RFM segments, from the recency (R) and frequency (F) scores; see README "RFM". */
export const RFM_SEGMENTS = [
  'champions',
  'loyal',
  'potential_loyalists',
  'new',
  'at_risk',
  'cant_lose_them',
  'hibernating',
  'lost',
] as const
export type RfmSegment = (typeof RFM_SEGMENTS)[number]

/**
 * The segment of an (R, F) cell of the 5×5 grid. Every cell has exactly one segment:
 *   R 5:   F 1 new · F 2 potential loyalists · F 3 loyal · F 4–5 champions
 *   R 4:   F 1–2 potential loyalists · F 3–4 loyal · F 5 champions
 *   R 3:   F 1–2 potential loyalists · F 3–5 loyal
 *   R 1–2: F 5 can't lose them · F 3–4 at risk · F 1–2 hibernating (R 2) or lost (R 1)
 * Monetary value does not move a customer between segments: it is reported beside them.
 */
export function rfmSegmentOf(r: number, f: number): RfmSegment {
  if (r >= 4 && f >= 4 && r + f >= 9) return 'champions'
  if (r >= 3 && f >= 3) return 'loyal'
  if (r === 5 && f === 1) return 'new'
  if (r >= 3) return 'potential_loyalists'
  if (f === 5) return 'cant_lose_them'
  if (f >= 3) return 'at_risk'
  return r === 2 ? 'hibernating' : 'lost'
}

/** `rfmSegmentOf` in SQL over two integer score expressions (kept in step by a test). */
export function rfmSegmentSql(r: RawBuilder<unknown>, f: RawBuilder<unknown>): RawBuilder<string> {
  return sql<string>`CASE
    WHEN ${r} >= 4 AND ${f} >= 4 AND ${r} + ${f} >= 9 THEN 'champions'
    WHEN ${r} >= 3 AND ${f} >= 3 THEN 'loyal'
    WHEN ${r} = 5 AND ${f} = 1 THEN 'new'
    WHEN ${r} >= 3 THEN 'potential_loyalists'
    WHEN ${f} = 5 THEN 'cant_lose_them'
    WHEN ${f} >= 3 THEN 'at_risk'
    WHEN ${r} = 2 THEN 'hibernating'
    ELSE 'lost' END`
}

/**
 * A quintile score 1–5 over the scored customers, ascending: 1 + ⌊5·(rank − 1)/n⌋, `n` being the
 * number of customers and rank − 1 the number of customers with a smaller value (`below`, from
 * `countsBelowSql`). It is ntile(5) except that equal values share a score (ntile would split a
 * tie across tiles, so two identical one-time buyers could land in different segments).
 */
export function quintileSql(below: RawBuilder<unknown>, n: RawBuilder<unknown>): RawBuilder<number> {
  return sql<number>`(1 + floor(5 * ${below}::float8 / ${n}))::int`
}

/**
 * Each distinct value of `column` in `table` with the number of rows below it (`v`, `below`):
 * rank() − 1 without sorting every row, only the distinct values (a few hundred purchase days,
 * a few dozen frequencies). Join it back on the value.
 */
export function countsBelowSql(table: string, column: string): RawBuilder<unknown> {
  const c = sql.ref(column)
  return sql`SELECT ${c} AS v, (sum(count(*)) OVER (ORDER BY ${c}) - count(*))::int8 AS below
    FROM ${sql.table(table)} GROUP BY ${c}`
}
