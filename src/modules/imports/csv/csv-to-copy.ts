import { isUtf8 } from 'node:buffer'
import { ImportError } from '../imports.errors.js'

const LF = 10
const CR = 13
const QUOTE = 34
const SPACE = 32
const TAB = 9

export interface CsvToCopyOptions {
  /** Field separator byte of the file (and of the COPY input we write). */
  delimiter: number
  /** Fields per record, as in the header. */
  fieldCount: number
  /** For each staged column, the index of the file field it comes from. */
  pick: readonly number[]
  /** Line number of the first record after the header. */
  firstLine: number
  /** A longer record means a quote that never closes; refuse it rather than buffer the file. */
  maxRecordBytes?: number
}

/**
 * Turns CSV records into COPY input for the staging table, in one pass over the bytes and without
 * decoding them: each output record is `line, problem, picked fields...` with the picked fields'
 * bytes copied verbatim (quotes and all), so PostgreSQL's own CSV parser does the unquoting. The
 * splitting follows PostgreSQL's rules (a quote opens or closes quoting anywhere in a field), so
 * both sides agree on where records and fields end. Records the database would refuse (wrong field
 * count, bytes that are not UTF-8, NUL bytes) go in with a `problem` instead of their fields, so
 * they become line-numbered errors rather than aborting the COPY.
 */
export class CsvToCopy {
  /** Data records seen (blank lines excluded). */
  records = 0
  private line: number
  private carry: Buffer | undefined
  private out: Buffer
  private outLength = 0
  private ready: Buffer[] = []
  private readonly starts: Int32Array
  private readonly ends: Int32Array
  private readonly maxRecordBytes: number

  constructor(
    private readonly opts: CsvToCopyOptions,
    private readonly blockBytes = 1 << 20,
  ) {
    this.line = opts.firstLine
    this.out = Buffer.allocUnsafe(blockBytes)
    this.starts = new Int32Array(opts.fieldCount)
    this.ends = new Int32Array(opts.fieldCount)
    this.maxRecordBytes = opts.maxRecordBytes ?? 16 << 20
  }

  /** Feeds the next bytes of the file; returns finished COPY blocks (possibly none). */
  push(chunk: Buffer): Buffer[] {
    const buf = this.carry ? Buffer.concat([this.carry, chunk]) : chunk
    const used = this.scan(buf, false)
    this.carry = used < buf.length ? Buffer.from(buf.subarray(used)) : undefined
    if (this.carry && this.carry.length > this.maxRecordBytes) this.tooLong()
    return this.take()
  }

  /** Ends the file: the last record may lack its line break. */
  end(): Buffer[] {
    if (this.carry) this.scan(this.carry, true)
    this.carry = undefined
    this.flush()
    return this.take()
  }

  private take(): Buffer[] {
    const blocks = this.ready
    this.ready = []
    return blocks
  }

  private flush(): void {
    if (this.outLength === 0) return
    this.ready.push(this.out.subarray(0, this.outLength))
    this.out = Buffer.allocUnsafe(this.blockBytes)
    this.outLength = 0
  }

  private tooLong(): never {
    throw new ImportError(
      'RECORD_TOO_LONG',
      `line ${this.line}: a record longer than ${this.maxRecordBytes >> 20} MB; is a quote left open?`,
    )
  }

  /** Scans whole records of `buf`; returns how many bytes it consumed. */
  private scan(buf: Buffer, final: boolean): number {
    // One native check for the whole run of complete lines; only a failing run is checked record by record.
    const lastBreak = final ? buf.length : Math.max(buf.lastIndexOf(LF), buf.lastIndexOf(CR)) + 1
    const region = buf.subarray(0, lastBreak)
    const clean = isUtf8(region) && region.indexOf(0) === -1
    const { delimiter, fieldCount } = this.opts
    const trimTab = delimiter !== TAB
    const { starts, ends } = this
    const len = buf.length
    let pos = 0
    while (pos < len) {
      let i = pos
      let fields = 0
      let fieldStart = pos
      let inQuote = false
      let quoteLines = 0
      let unterminated = false
      let next = -1
      for (;;) {
        if (i >= len) {
          if (!final) return pos
          unterminated = inQuote
          next = len
          break
        }
        const c = buf[i]!
        if (inQuote) {
          if (c === QUOTE) inQuote = false
          else if (c === LF) quoteLines++
          i++
          continue
        }
        if (c === delimiter) {
          if (fields < fieldCount) {
            starts[fields] = fieldStart
            ends[fields] = i
          }
          fields++
          fieldStart = ++i
          continue
        }
        if (c === QUOTE) inQuote = true
        else if (c === LF) {
          next = i + 1
          break
        } else if (c === CR) {
          if (i + 1 >= len && !final) return pos // the LF of a CRLF may be in the next chunk
          next = buf[i + 1] === LF ? i + 2 : i + 1
          break
        }
        i++
      }
      if (i - pos > this.maxRecordBytes) this.tooLong()
      if (fields < fieldCount) {
        starts[fields] = fieldStart
        ends[fields] = i
      }
      fields++
      const line = this.line
      this.line += 1 + quoteLines
      // Trim the fields we keep: "a, b" and "a,b" mean the same in every spreadsheet export.
      for (let f = 0; f < Math.min(fields, fieldCount); f++) {
        let s = starts[f]!
        let e = ends[f]!
        while (s < e && (buf[s] === SPACE || (trimTab && buf[s] === TAB))) s++
        while (e > s && (buf[e - 1] === SPACE || (trimTab && buf[e - 1] === TAB))) e--
        starts[f] = s
        ends[f] = e
      }
      const blank = fields === 1 && starts[0] === ends[0]
      if (!blank) {
        this.records++
        let problem: string | undefined
        if (unterminated) problem = 'a quoted field is not closed before the end of the file'
        else if (fields !== fieldCount)
          problem = `expected ${fieldCount} fields as in the header, found ${fields}`
        else if (!clean) {
          const record = buf.subarray(pos, i)
          if (!isUtf8(record)) problem = 'the line is not valid UTF-8 text (save the file as UTF-8)'
          else if (record.indexOf(0) !== -1) problem = 'the line contains a NUL byte'
        }
        this.emit(buf, line, problem, i - pos)
      }
      pos = next
    }
    return pos
  }

  private emit(buf: Buffer, line: number, problem: string | undefined, recordBytes: number): void {
    const { pick, delimiter } = this.opts
    const need = recordBytes + 24 + pick.length + (problem ? problem.length + 2 : 0)
    if (this.outLength + need > this.out.length) {
      this.flush()
      if (need > this.out.length) this.out = Buffer.allocUnsafe(need)
    }
    const out = this.out
    let o = this.outLength
    o += out.write(String(line), o, 'latin1')
    out[o++] = delimiter
    if (problem) {
      out[o++] = QUOTE
      o += out.write(problem, o, 'latin1')
      out[o++] = QUOTE
      for (let p = 0; p < pick.length; p++) out[o++] = delimiter
    } else {
      // Neighbouring fields kept in order are copied as one run, delimiter included: most files
      // are copied in one or two runs per record instead of one per field.
      const { starts, ends } = this
      out[o++] = delimiter
      let runStart = starts[pick[0]!]!
      let runEnd = ends[pick[0]!]!
      for (let p = 1; p <= pick.length; p++) {
        const f = pick[p]
        if (f !== undefined && f === pick[p - 1]! + 1 && starts[f] === runEnd + 1) {
          runEnd = ends[f]!
          continue
        }
        o = copyBytes(buf, runStart, runEnd, out, o)
        if (f === undefined) break
        out[o++] = delimiter
        runStart = starts[f]!
        runEnd = ends[f]!
      }
    }
    out[o++] = LF
    this.outLength = o
  }
}

/** Buffer#copy costs a native call's overhead; short runs are cheaper byte by byte. */
function copyBytes(from: Buffer, start: number, end: number, to: Buffer, at: number): number {
  if (end - start > 128) return at + from.copy(to, at, start, end)
  let o = at
  for (let i = start; i < end; i++) to[o++] = from[i]!
  return o
}
