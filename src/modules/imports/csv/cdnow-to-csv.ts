/** The canonical purchases header for a CDNOW transaction log. */
const HEADER = 'external_id,customer_external_id,occurred_at,quantity,amount'

/**
 * Reads the CDNOW transaction log (`CDNOW_master.txt`: customer id, date YYYYMMDD, number of CDs,
 * dollar value, separated by whitespace) as a canonical purchases CSV, streaming. The file has no
 * order ids, so each purchase is named after its line (`CDNOW-<line>`): importing the same file
 * again names the same purchases. Output lines match input lines, so error line numbers point
 * into the original file; a line without four fields passes through whole and is reported.
 */
export async function* cdnowToCsv(source: AsyncIterable<Buffer>): AsyncIterable<Buffer> {
  let rest = ''
  let line = 0
  const convert = (text: string): string => {
    line++
    const trimmed = text.trim()
    if (line === 1 && /[a-z]/i.test(trimmed)) return HEADER
    const prefix = line === 1 ? `${HEADER}\n` : ''
    if (trimmed === '') return prefix
    const fields = trimmed.split(/\s+/)
    if (fields.length !== 4) return `${prefix}"${trimmed.replaceAll('"', '""')}"`
    return `${prefix}CDNOW-${line},${fields.join(',')}`
  }
  for await (const chunk of source) {
    const lines = (rest + chunk.toString('latin1')).split('\n')
    rest = lines.pop() ?? ''
    if (lines.length > 0) yield Buffer.from(`${lines.map(convert).join('\n')}\n`)
  }
  if (rest.trim() !== '') yield Buffer.from(`${convert(rest)}\n`)
}
