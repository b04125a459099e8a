import { createReadStream } from 'node:fs'
import { access } from 'node:fs/promises'
import { parse } from 'csv-parse'
import type { Executor } from '../../../db/database.js'
import { ValueInputError } from '../summary/index.js'
import { type NewCostEntry, recordCostEntries } from './record-cost-entries.js'

const BATCH = 5000
const AMOUNT = /^-?\d{1,16}(\.\d{1,2})?$/
const ERRORS_KEPT = 20

export interface CostImportResult {
  rows: number
  inserted: number
  duplicates: number
  /** rows refused (bad values or unknown customers) */
  invalid: number
  /** the first few refusals, with their line numbers */
  errors: { line: number; message: string }[]
}

/**
 * Imports cost-to-serve entries from a CSV with a header: `customer_external_id` (or
 * `customer_id`), `kind`, `amount`, `occurred_at` (ISO date or date-time) and optionally
 * `reference`. Streams the file and posts it in batches of 5,000, set-based; a row whose
 * customer is unknown or whose values are invalid is reported and skipped. Entries carry the
 * source `import` unless told otherwise; with references, importing a file again adds nothing.
 */
export async function importCostEntries(
  db: Executor,
  workspaceId: string,
  file: string,
  source = 'import',
): Promise<CostImportResult> {
  const result: CostImportResult = { rows: 0, inserted: 0, duplicates: 0, invalid: 0, errors: [] }
  const refuse = (line: number, message: string) => {
    result.invalid++
    if (result.errors.length < ERRORS_KEPT) result.errors.push({ line, message })
  }
  let batch: { line: number; entry: NewCostEntry }[] = []
  const flush = async () => {
    const posted = await recordCostEntries(
      db,
      workspaceId,
      source,
      batch.map((b) => b.entry),
    )
    result.inserted += posted.inserted.length
    result.duplicates += posted.duplicates
    for (const i of posted.unknownCustomers) refuse(batch[i]!.line, 'no such customer')
    batch = []
  }
  await access(file).catch(() => {
    throw new ValueInputError('FILE_NOT_FOUND', `cannot read ${file}: no such file`)
  })
  const parser = parse({ columns: (h: string[]) => h.map((c) => c.trim().toLowerCase()), trim: true })
  const stream = createReadStream(file).on('error', (error) => parser.destroy(error))
  stream.pipe(parser)
  let line = 1
  try {
    for await (const record of parser as AsyncIterable<Record<string, string>>) {
      line++
      result.rows++
      const entry = toEntry(record)
      if (typeof entry === 'string') refuse(line, entry)
      else batch.push({ line, entry })
      if (batch.length >= BATCH) await flush()
    }
  } catch (error) {
    // csv-parse's errors (CSV_...) are the file's fault; anything else (the database) is not.
    if (!String((error as { code?: unknown }).code).startsWith('CSV_')) throw error
    throw new ValueInputError('BAD_VALUE', `${file} line ${line}: ${(error as Error).message}`)
  }
  if (batch.length) await flush()
  return result
}

/** A CSV record as a cost entry, or why it is refused. */
function toEntry(r: Record<string, string>): NewCostEntry | string {
  const externalId = r.customer_external_id || r.external_id || undefined
  const customerId = r.customer_id || undefined
  if (!externalId && !customerId) return 'no customer_external_id or customer_id'
  if (customerId && !/^[0-9a-f-]{36}$/i.test(customerId)) return `invalid customer_id "${customerId}"`
  const kind = r.kind ?? ''
  if (!kind || kind.length > 60) return 'kind must be 1 to 60 characters'
  const amount = r.amount ?? ''
  if (!AMOUNT.test(amount)) return `invalid amount "${amount}"`
  const when = r.occurred_at || r.date || ''
  const occurredAt = new Date(/^\d{4}-\d{2}-\d{2}$/.test(when) ? `${when}T00:00:00Z` : when)
  if (!when || Number.isNaN(+occurredAt)) return `invalid occurred_at "${when}"`
  const reference = r.reference || undefined
  if (reference && reference.length > 200) return 'reference longer than 200 characters'
  return {
    customerId: externalId ? undefined : customerId,
    customerExternalId: externalId,
    kind,
    amount,
    occurredAt,
    reference,
  }
}
