import { parse } from 'csv-parse/sync'
import { findColumn, requireColumn } from './parse-transactions.js'
import { ValueInputError } from './summary.errors.js'

/** A summary file: one row per customer, already in model units. */
export interface SummaryColumns {
  ids: string[]
  x: Float64Array
  tx: Float64Array
  T: Float64Array
  /** mean repeat spend, present when the file has `monetary_value` or `zbar` */
  monetary?: Float64Array
}

/**
 * Per-customer summary CSV: `ID|customer_id, frequency|x, recency|t_x, T[, monetary_value|zbar]`
 * (lifetimes' and Hardie's layouts; CRLF and a missing final newline are fine).
 */
export function parseSummaryCsv(text: string, file = 'summary'): SummaryColumns {
  const records = parse(text, { skip_empty_lines: true, trim: true }) as string[][]
  const header = records[0]
  if (!header || records.length < 2) throw new ValueInputError('NO_CUSTOMERS', `${file}: no customers`)
  const id = requireColumn(header, ['id', 'customer_id'], file)
  const x = requireColumn(header, ['frequency', 'x'], file)
  // T and t are told apart only by case in some exports; match T exactly before falling back.
  const T = header.indexOf('T') >= 0 ? header.indexOf('T') : requireColumn(header, ['t', 'age'], file)
  const tx = requireColumn(header, ['recency', 't_x'], file)
  const m = findColumn(header, ['monetary_value', 'zbar'])
  const n = records.length - 1
  const out: SummaryColumns = {
    ids: new Array(n),
    x: new Float64Array(n),
    tx: new Float64Array(n),
    T: new Float64Array(n),
    ...(m >= 0 ? { monetary: new Float64Array(n) } : {}),
  }
  const num = (row: string[], col: number, line: number, name: string) => {
    const v = Number(row[col])
    if (row[col] === undefined || row[col] === '' || !Number.isFinite(v) || v < 0) {
      throw new ValueInputError('BAD_VALUE', `${file} line ${line}: invalid ${name} "${row[col] ?? ''}"`)
    }
    return v
  }
  for (let i = 0; i < n; i++) {
    const row = records[i + 1]!
    out.ids[i] = row[id] ?? ''
    out.x[i] = num(row, x, i + 2, header[x]!)
    out.tx[i] = num(row, tx, i + 2, header[tx]!)
    out.T[i] = num(row, T, i + 2, 'T')
    if (out.tx[i]! > out.T[i]!) {
      throw new ValueInputError(
        'BAD_VALUE',
        `${file} line ${i + 2}: recency ${out.tx[i]} exceeds T ${out.T[i]}`,
      )
    }
    if (out.monetary) out.monetary[i] = num(row, m, i + 2, header[m]!)
  }
  return out
}
