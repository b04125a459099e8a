import { type RawBuilder, sql } from 'kysely'
import { z } from 'zod'

/**
 * Names at least this similar (pg_trgm `similarity` of the lower-case names) count as a reason.
 * 0.5 keeps one-letter typos ("Lovelace"/"Lovelase" 0.63, "Jonathan"/"Jonathon Smith" 0.67,
 * "Mueller"/"Muller" 0.5) and drops different first names with one surname ("John"/"Jane Smith" 0.47).
 */
export const NAME_SIMILARITY = 0.5

/**
 * How much each reason says on its own that two records are one customer. Reasons combine as
 * independent evidence, score = 1 − Π(1 − wᵢ): a shared email alone gives 0.9, a shared phone
 * 0.7 (households and switchboards share phones), an identical name 0.6 (namesakes are common).
 */
export const WEIGHTS = { email: 0.9, phone: 0.7, name: 0.6 } as const

/** An email or a phone shared by more customers than this is a generic one (info@, a switchboard). */
export const MAX_SHARED_BY = 20

/**
 * A full name on more customers than this is mostly namesakes: name alone pairs nobody with it
 * across the workspace (its pairs would grow with the square of its count).
 */
export const MAX_NAMESAKES = 5

/** Phones shorter than this (after normalising) are extensions or junk, not identities. */
export const MIN_PHONE_DIGITS = 6

/**
 * Writes keep phones as `+` and digits and emails in lower case, so the index probes compare
 * stored values as they are; reasons and pairs normalise both sides with these, the same rules.
 */
export const normalisedPhone = (expr: RawBuilder<unknown>): RawBuilder<string> =>
  sql<string>`(CASE WHEN btrim(${expr}) LIKE '+%' THEN '+' ELSE '' END || regexp_replace(${expr}, '[^0-9]', '', 'g'))`

export const normalisedEmail = (expr: RawBuilder<unknown>): RawBuilder<string> =>
  sql<string>`lower(btrim(${expr}))`

/** The score as an exact 3-decimal numeric, so that keyset cursors compare it without float drift. */
export const scoreSql = (
  email: RawBuilder<unknown>,
  phone: RawBuilder<unknown>,
  nameSim: RawBuilder<unknown>,
) =>
  sql<string>`round((1 - (1 - CASE WHEN ${email} THEN ${WEIGHTS.email}::float8 ELSE 0 END)
    * (1 - CASE WHEN ${phone} THEN ${WEIGHTS.phone}::float8 ELSE 0 END)
    * (1 - CASE WHEN ${nameSim} >= ${NAME_SIMILARITY}::float8 THEN ${WEIGHTS.name} * ${nameSim} ELSE 0 END))::numeric, 3)`

export const DuplicateReasons = z.object({
  emails: z.array(z.string()).describe('Emails both customers have'),
  phones: z.array(z.string()).describe('Phones both customers have (normalised: + and digits)'),
  nameSimilarity: z
    .number()
    .nullable()
    .describe(`Trigram similarity of the names (0–1) when at least ${NAME_SIMILARITY}, else null`),
})
export type DuplicateReasons = z.infer<typeof DuplicateReasons>

export const DuplicateCustomerSummary = z.object({
  id: z.uuid(),
  externalId: z.string().nullable(),
  kind: z.enum(['person', 'organisation']),
  name: z.string(),
  emails: z.array(z.string()),
  phones: z.array(z.string()),
})
export type DuplicateCustomerSummary = z.infer<typeof DuplicateCustomerSummary>

export function toReasons(emails: string[], phones: string[], nameSimilarity: number): DuplicateReasons {
  return {
    emails,
    phones,
    nameSimilarity: nameSimilarity >= NAME_SIMILARITY ? Math.round(nameSimilarity * 1000) / 1000 : null,
  }
}
