import { type RawBuilder, sql } from 'kysely'
import { type TierRules, tierBounds } from './tier-rules.js'

/**
 * The value tier of each customer_values row (under `alias`) as a window expression: rows ranked
 * by the basis, highest first, get the rank fraction f = (position − 1)/n and the tier whose
 * cumulative share first exceeds f. width_bucket over the tiers' lower bounds does the lookup:
 * [0, 0.05, 0.20, 0.50] puts f = 0.12 in bucket 2 (gold). Ties are broken by revenue, then by id,
 * so the shares hold exactly even when many customers share a value (a cohort of one-time
 * buyers often has one CLV). `n` is the number of rows ranked (see quintileSql on why).
 */
export function tierSql(rules: TierRules, alias: string, n: RawBuilder<unknown>): RawBuilder<string> {
  const { names, bounds } = tierBounds(rules)
  const lower = [0, ...bounds.slice(0, -1)]
  // rules.basis is one of TIER_BASES (validated), never free text.
  const basis = sql.ref(`${alias}.${rules.basis}`)
  const order = sql`${basis} DESC, ${sql.ref(`${alias}.revenue`)} DESC, ${sql.ref(`${alias}.customer_id`)}`
  return sql<string>`(${names}::text[])[width_bucket(
    (row_number() OVER (ORDER BY ${order}) - 1)::float8 / ${n}, ${lower}::float8[])]`
}
