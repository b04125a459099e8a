import { sql } from 'kysely'
import type { Executor } from '../../../db/database.js'

/** One cost to post; the customer by id or by external id. */
export interface NewCostEntry {
  customerId?: string
  customerExternalId?: string
  kind: string
  /** decimal text, e.g. "4.50" */
  amount: string
  occurredAt: Date
  /** makes the posting idempotent per source */
  reference?: string
}

export interface RecordCostsResult {
  /** ids of the new entries */
  inserted: string[]
  /** positions (0-based) of entries whose customer is not in the workspace */
  unknownCustomers: number[]
  /** entries already posted under the same source and reference */
  duplicates: number
}

/**
 * Posts cost-to-serve entries set-based: one statement resolves every customer (an external id of
 * a merged customer resolves to the survivor, as purchases do) and one inserts, so a module or an
 * import can post thousands at once. Entries whose (source, reference) exists are skipped.
 *
 * @example
 * await recordCostEntries(db, ws, 'service', [{ customerId, kind: 'case.phone', amount: '6.00', occurredAt, reference: caseId }])
 */
export async function recordCostEntries(
  db: Executor,
  workspaceId: string,
  source: string,
  entries: readonly NewCostEntry[],
  createdBy: string | null = null,
): Promise<RecordCostsResult> {
  if (entries.length === 0) return { inserted: [], unknownCustomers: [], duplicates: 0 }
  const { rows } = await sql<{ i: number; customer_id: string | null }>`
    SELECT e.i::int AS i, coalesce(ci.id, ce.id, (
        SELECT m.survivor_id FROM customer_merges m
        WHERE m.workspace_id = ${workspaceId} AND m.merged_external_id = e.ext
        ORDER BY m.merged_at DESC LIMIT 1)) AS customer_id
    FROM unnest(${entries.map((e) => e.customerId ?? null)}::uuid[],
                ${entries.map((e) => e.customerExternalId ?? null)}::text[]) WITH ORDINALITY AS e(cid, ext, i)
    LEFT JOIN customers ci ON ci.workspace_id = ${workspaceId} AND ci.id = e.cid
    LEFT JOIN customers ce ON ce.workspace_id = ${workspaceId} AND ce.external_id = e.ext
    ORDER BY e.i`.execute(db)
  const unknownCustomers: number[] = []
  const known: { customerId: string; entry: NewCostEntry }[] = []
  for (const r of rows) {
    const entry = entries[r.i - 1]!
    if (r.customer_id) known.push({ customerId: r.customer_id, entry })
    else unknownCustomers.push(r.i - 1)
  }
  if (known.length === 0) return { inserted: [], unknownCustomers, duplicates: 0 }
  const { rows: inserted } = await sql<{ id: string }>`
    INSERT INTO cost_entries (workspace_id, customer_id, source, kind, amount, occurred_at, reference, created_by)
    SELECT ${workspaceId}::uuid, e.customer_id, ${source}, e.kind, e.amount, e.occurred_at, e.reference,
      ${createdBy}::uuid
    FROM unnest(${known.map((k) => k.customerId)}::uuid[], ${known.map((k) => k.entry.kind)}::text[],
                ${known.map((k) => k.entry.amount)}::numeric[],
                ${known.map((k) => k.entry.occurredAt.toISOString())}::timestamptz[],
                ${known.map((k) => k.entry.reference ?? null)}::text[])
      AS e(customer_id, kind, amount, occurred_at, reference)
    ON CONFLICT (workspace_id, source, reference) DO NOTHING
    RETURNING id`.execute(db)
  return {
    inserted: inserted.map((r) => r.id),
    unknownCustomers,
    duplicates: known.length - inserted.length,
  }
}
