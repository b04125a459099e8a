import { parse } from 'csv-parse/sync'
import { parseDay } from './parse-date.js'
import { ValueInputError } from './summary.errors.js'

/** A transaction log as columns: one entry per purchase line. */
export interface TransactionColumns {
  customer: string[]
  /** day number (days since 1970-01-01 UTC) */
  day: Int32Array
  /** amount spent; 0 when the file has no amount column */
  amount: Float64Array
}

const ID_COLUMNS = ['customer_id', 'id', 'customer', 'cust_id', 'customerid']
const DATE_COLUMNS = ['date', 'order_date', 'purchase_date', 'transaction_date']
const AMOUNT_COLUMNS = [
  'amount',
  'dollar_value',
  'monetary_value',
  'value',
  'price',
  'revenue',
  'spend',
  'sales',
]

/** Index of the first header matching one of `names` (case-insensitive), or −1. */
export function findColumn(header: string[], names: string[]): number {
  const lower = header.map((h) => h.trim().toLowerCase())
  for (const name of names) {
    const i = lower.indexOf(name)
    if (i >= 0) return i
  }
  return -1
}

export function requireColumn(header: string[], names: string[], file: string): number {
  const i = findColumn(header, names)
  if (i < 0) {
    throw new ValueInputError(
      'MISSING_COLUMN',
      `${file}: no ${names[0]} column (accepted: ${names.join(', ')}; found: ${header.join(', ')})`,
    )
  }
  return i
}

/**
 * Transactions from a CSV with a header: customer (`customer_id`, `ID`, `id`, ...), `date` and an
 * optional amount (`amount`, `dollar_value`, ...).
 */
export function parseTransactionsCsv(text: string, file = 'transactions'): TransactionColumns {
  const records = parse(text, { skip_empty_lines: true, trim: true, relax_column_count: true }) as string[][]
  const header = records[0]
  if (!header) throw new ValueInputError('NO_CUSTOMERS', `${file}: empty file`)
  const id = requireColumn(header, ID_COLUMNS, file)
  const date = requireColumn(header, DATE_COLUMNS, file)
  const amount = findColumn(header, AMOUNT_COLUMNS)
  const n = records.length - 1
  const out: TransactionColumns = {
    customer: new Array(n),
    day: new Int32Array(n),
    amount: new Float64Array(n),
  }
  for (let i = 0; i < n; i++) {
    const row = records[i + 1]!
    out.customer[i] = row[id] ?? ''
    out.day[i] = parseDay(row[date] ?? '', ` in ${file} line ${i + 2}`)
    out.amount[i] = amount >= 0 ? parseAmount(row[amount], file, i + 2) : 0
  }
  return out
}

/**
 * CDNOW's whitespace text logs (CRLF, leading spaces): `CDNOW_master.txt` has a header line and
 * 4 columns (id, YYYYMMDD, cds, dollars); `CDNOW_sample.txt` has no header and 5 columns (master id,
 * sample id, date, cds, dollars). The sample id is used there, as in the published summaries.
 */
export function parseCdnowText(text: string, file = 'transactions'): TransactionColumns {
  const lines = text.split(/\r?\n/)
  const customer: string[] = []
  const days: number[] = []
  const amounts: number[] = []
  for (let i = 0; i < lines.length; i++) {
    const f = lines[i]!.trim().split(/\s+/)
    if (f.length === 1 && f[0] === '') continue
    if (i === 0 && !/^\d/.test(f[0]!)) continue // header line
    if (f.length !== 4 && f.length !== 5) {
      throw new ValueInputError(
        'BAD_VALUE',
        `${file} line ${i + 1}: expected 4 or 5 columns, got ${f.length}`,
      )
    }
    const o = f.length - 4
    customer.push(f[o]!)
    days.push(parseDay(f[o + 1]!, ` in ${file} line ${i + 1}`))
    amounts.push(parseAmount(f[o + 3], file, i + 1))
  }
  return { customer, day: Int32Array.from(days), amount: Float64Array.from(amounts) }
}

function parseAmount(text: string | undefined, file: string, line: number): number {
  const v = Number(text)
  if (text === undefined || text === '' || !Number.isFinite(v)) {
    throw new ValueInputError('BAD_VALUE', `${file} line ${line}: invalid amount "${text ?? ''}"`)
  }
  return v
}
