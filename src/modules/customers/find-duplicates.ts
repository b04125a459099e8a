import { sql, type Transaction } from 'kysely'
import { z } from 'zod'
import type { DB, Executor } from '../../db/database.js'
import { isUuid } from '../../db/ids.js'
import { CustomersError } from './customers.errors.js'
import {
  DuplicateCustomerSummary,
  DuplicateReasons,
  MIN_PHONE_DIGITS,
  NAME_SIMILARITY,
  normalisedEmail,
  normalisedPhone,
  scoreSql,
  toReasons,
} from './duplicates.queries.js'

export const DuplicateCandidateView = z.object({
  customer: DuplicateCustomerSummary,
  score: z.number().describe('0–1: how likely the two records are one customer'),
  reasons: DuplicateReasons,
})
export type DuplicateCandidateView = z.infer<typeof DuplicateCandidateView>

export const FindDuplicatesQuery = z.object({
  limit: z.coerce.number().int().min(1).max(50).default(20),
})

const ref = (name: string) => sql.ref(name)

/** Name matches looked at per customer; see `cand` below. */
const MAX_NAME_CANDIDATES = 2000

interface CandidateRow {
  id: string
  external_id: string | null
  kind: 'person' | 'organisation'
  name: string
  emails: string[]
  phones: string[]
  same_emails: string[]
  same_phones: string[]
  name_similarity: number
  score: string
}

/**
 * Likely duplicates of one customer, best first: same email, same phone, or a similar name
 * (pg_trgm). Only customers of the same kind: a contact often shares its organisation's phone
 * without being the same customer.
 */
export async function findDuplicates(
  db: Executor,
  workspaceId: string,
  customerId: string,
  limit = 20,
): Promise<DuplicateCandidateView[]> {
  const target = isUuid(customerId)
    ? await db
        .selectFrom('customers')
        .select(['id', 'kind', 'name', 'emails', 'phones'])
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', customerId)
        .executeTakeFirst()
    : undefined
  if (!target) throw new CustomersError('CUSTOMER_NOT_FOUND', `customer ${customerId} not found`)
  const run = (tx: Transaction<DB>) => candidates(tx, workspaceId, target, limit)
  return db.isTransaction ? run(db as Transaction<DB>) : db.transaction().execute(run)
}

async function candidates(
  tx: Transaction<DB>,
  workspaceId: string,
  target: { id: string; kind: string; name: string; emails: string[]; phones: string[] },
  limit: number,
): Promise<DuplicateCandidateView[]> {
  // `<<%` (strict word similarity against search_text, which starts with the name) is what the
  // trigram index answers, and it is never below the names' similarity, so it loses no
  // candidate; its threshold is a setting, set for this transaction only.
  await sql`SELECT set_config('pg_trgm.strict_word_similarity_threshold', ${String(NAME_SIMILARITY)}, true)`.execute(
    tx,
  )
  const email = normalisedEmail(ref('x'))
  const phone = normalisedPhone(ref('x'))
  const columns = sql`c.id, c.external_id, c.kind, c.name, c.emails, c.phones`
  const same = sql`c.workspace_id = ${workspaceId} AND c.kind = ${target.kind} AND c.id <> ${target.id}`
  const { rows } = await sql<CandidateRow>`
    WITH t AS (
      SELECT ARRAY(SELECT DISTINCT ${email} FROM unnest(${sql.val(target.emails)}::text[]) x) AS emails,
        ARRAY(SELECT DISTINCT v FROM (SELECT ${phone} AS v FROM unnest(${sql.val(target.phones)}::text[]) x) p
              WHERE length(ltrim(v, '+')) >= ${MIN_PHONE_DIGITS}) AS phones,
        lower(${target.name}) AS name
    ),
    -- One indexed probe per reason (GIN on emails, phones, search_text); an OR would scan the table.
    -- A very common name can match thousands: the cap bounds the cost (namesakes spelled the
    -- same still come through the name index), and a name alone ranks below a shared email or phone.
    cand AS (
      (SELECT ${columns} FROM customers c, t WHERE ${same} AND c.emails && t.emails)
      UNION (SELECT ${columns} FROM customers c, t WHERE ${same} AND c.phones && t.phones)
      UNION (SELECT ${columns} FROM customers c WHERE ${same} AND c.name = ${target.name} LIMIT ${MAX_NAME_CANDIDATES})
      UNION (SELECT ${columns} FROM customers c, t WHERE ${same} AND t.name <<% c.search_text LIMIT ${MAX_NAME_CANDIDATES})
    ),
    m AS (
      SELECT c.*,
        ARRAY(SELECT ${email} FROM unnest(c.emails) x INTERSECT SELECT unnest(t.emails)) AS same_emails,
        ARRAY(SELECT ${phone} FROM unnest(c.phones) x INTERSECT SELECT unnest(t.phones)) AS same_phones,
        similarity(lower(c.name), t.name)::float8 AS name_similarity
      FROM cand c, t
    )
    SELECT m.*, ${scoreSql(sql`cardinality(same_emails) > 0`, sql`cardinality(same_phones) > 0`, sql`name_similarity`)} AS score
    FROM m
    WHERE cardinality(same_emails) > 0 OR cardinality(same_phones) > 0 OR name_similarity >= ${NAME_SIMILARITY}
    ORDER BY score DESC, id
    LIMIT ${limit}
  `.execute(tx)
  return rows.map((r) => ({
    customer: {
      id: r.id,
      externalId: r.external_id,
      kind: r.kind,
      name: r.name,
      emails: r.emails,
      phones: r.phones,
    },
    score: Number(r.score),
    reasons: toReasons(r.same_emails.sort(), r.same_phones.sort(), r.name_similarity),
  }))
}
