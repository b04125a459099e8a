import { ImportError } from '../imports.errors.js'

export interface CsvHeader {
  names: string[]
  delimiter: string
  /** Byte offset where the first data record starts. */
  dataOffset: number
  /** Line number of the first data record. */
  firstLine: number
}

/** The field separators an import accepts (and detects from the header). */
export const DELIMITERS = [',', ';', '\t', '|'] as const
const BOM = [0xef, 0xbb, 0xbf]

/** Splits one CSV line into fields, undoing quotes (PostgreSQL's rules: "" inside quotes is a quote). */
export function splitCsvLine(line: string, delimiter: string): string[] {
  const fields: string[] = []
  let field = ''
  let inQuote = false
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!
    if (inQuote) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"'
        i++
      } else if (c === '"') inQuote = false
      else field += c
    } else if (c === '"') inQuote = true
    else if (c === delimiter) {
      fields.push(field.trim())
      field = ''
    } else field += c
  }
  fields.push(field.trim())
  return fields
}

/** The delimiter that splits the header into the most fields (spreadsheets in many locales use ';'). */
function detectDelimiter(line: string): string {
  let best = ','
  let bestCount = 0
  for (const d of DELIMITERS) {
    const count = splitCsvLine(line, d).length - 1
    if (count > bestCount) {
      best = d
      bestCount = count
    }
  }
  return best
}

/**
 * Reads the header record from the first bytes of a file. Returns undefined when `head` ends
 * before the header does and more of the file exists (`complete` false).
 */
export function readCsvHeader(head: Buffer, complete: boolean, delimiter?: string): CsvHeader | undefined {
  let start = BOM.every((b, i) => head[i] === b) ? 3 : 0
  // Leading blank lines are not the header.
  let firstLine = 1
  while (start < head.length && (head[start] === 10 || head[start] === 13)) {
    if (head[start] === 10 || head[start + 1] !== 10) firstLine++
    start++
  }
  let inQuote = false
  let end = -1
  let quoteLines = 0
  for (let i = start; i < head.length; i++) {
    const c = head[i]
    if (c === 34) inQuote = !inQuote
    else if (c === 10 && inQuote) quoteLines++
    else if ((c === 10 || c === 13) && !inQuote) {
      end = i
      break
    }
  }
  if (end === -1) {
    if (!complete) return undefined
    end = head.length
  }
  if (end === start) throw new ImportError('EMPTY_FILE', 'the file is empty: expected a header line')
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(start, end))
  } catch {
    throw new ImportError('NOT_UTF8', 'the header line is not valid UTF-8 text: save the file as UTF-8')
  }
  const d = delimiter ?? detectDelimiter(text)
  const names = splitCsvLine(text, d)
  let dataOffset = end
  if (head[dataOffset] === 13) dataOffset++
  if (head[dataOffset] === 10) dataOffset++
  return { names, delimiter: d, dataOffset, firstLine: firstLine + 1 + quoteLines }
}
