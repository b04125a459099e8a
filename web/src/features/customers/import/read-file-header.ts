import type { ImportDelimiter } from '../../../api/index.js'

/** The delimiters the server detects, in its order of preference on a tie. */
const DELIMITERS: readonly ImportDelimiter[] = [',', ';', '\t', '|']
/** Enough of the file for a header and a first record; bigger headers are not spreadsheets. */
const HEAD_BYTES = 256 * 1024

export interface FileHeader {
  names: string[]
  /** The first data record's values by header position, for a hint of what each column holds. */
  sample: string[]
  delimiter: ImportDelimiter
}

/** Splits one record the server's way: quotes undone ("" is a quote), fields trimmed. */
function splitRecord(line: string, delimiter: string): string[] {
  const fields: string[] = []
  let field = ''
  let inQuote = false
  for (let i = 0; i < line.length; i++) {
    const c = line[i]
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

/** Records from the start of the text: line breaks inside quotes stay in the record. */
function firstRecords(text: string, count: number): string[] {
  const records: string[] = []
  let start = 0
  let inQuote = false
  for (let i = 0; i < text.length && records.length < count; i++) {
    const c = text[i]
    if (c === '"') inQuote = !inQuote
    else if ((c === '\n' || c === '\r') && !inQuote) {
      if (i > start) records.push(text.slice(start, i))
      start = i + 1
    }
  }
  if (records.length < count && start < text.length) records.push(text.slice(start))
  return records
}

/** The delimiter that splits the header into the most fields (as the server detects it). */
function detectDelimiter(line: string): ImportDelimiter {
  let best: ImportDelimiter = ','
  let bestCount = 0
  for (const d of DELIMITERS) {
    const count = splitRecord(line, d).length - 1
    if (count > bestCount) {
      best = d
      bestCount = count
    }
  }
  return best
}

/**
 * Reads the header line of a CSV file in the browser (and its first record): the mapping step
 * shows what each column holds before the file is uploaded. `delimiter` undefined detects it.
 */
export async function readFileHeader(file: File, delimiter?: ImportDelimiter): Promise<FileHeader | null> {
  const text = (await file.slice(0, HEAD_BYTES).text()).replace(/^\uFEFF/, '')
  const [header, first] = firstRecords(text, 2)
  if (!header) return null
  const d = delimiter ?? detectDelimiter(header)
  return { names: splitRecord(header, d), sample: first ? splitRecord(first, d) : [], delimiter: d }
}
