import { type RawBuilder, sql } from 'kysely'
import { type TierBasis, type TierRules, tierBounds } from './tier-rules.js'

/**
 * The value tier of each row as a window expression: rows ranked by the basis (highest first)
 * get the rank fraction f = (rank − 1)/n, and the tier whose cumulative share first exceeds f.
 * width_bucket over the tiers' lower bounds does the lookup: [0, 0.05, 0.20, 0.50] puts
 * f = 0.12 in bucket 2 (gold).
 */
export function tierSql(rules: TierRules, basis: RawBuilder<unknown>): RawBuilder<string> {
  const { names, bounds } = tierBounds(rules)
  const lower = [0, ...bounds.slice(0, -1)]
  return sql<string>`(${names}::text[])[width_bucket(
    (rank() OVER (ORDER BY ${basis} DESC) - 1)::float8 / count(*) OVER (), ${lower}::float8[])]`
}

/** The customer_values column of each basis (a whitelist: never interpolate the input). */
export const basisColumn = (basis: TierBasis, alias: string) => sql.ref(`${alias}.${basis}`)
