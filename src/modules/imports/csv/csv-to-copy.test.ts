import { describe, expect, it } from 'vitest'
import { CsvToCopy, type CsvToCopyOptions } from './csv-to-copy.js'

/** Runs the encoder over `text` fed in chunks of `chunk` bytes; returns the COPY input as text. */
function encode(text: string | Buffer, opts: Partial<CsvToCopyOptions> = {}, chunk = 1 << 20): string {
  const input = Buffer.isBuffer(text) ? text : Buffer.from(text)
  const encoder = new CsvToCopy({ delimiter: 44, fieldCount: 3, pick: [0, 1, 2], firstLine: 2, ...opts }, 64)
  const out: Buffer[] = []
  for (let i = 0; i < input.length; i += chunk) out.push(...encoder.push(input.subarray(i, i + chunk)))
  out.push(...encoder.end())
  return Buffer.concat(out).toString('latin1')
}

describe('CsvToCopy', () => {
  it('prefixes each record with its line number and keeps the picked fields in order', () => {
    expect(encode('1,2,3\n4,5,6\n', { pick: [2, 0] })).toBe('2,,3,1\n3,,6,4\n')
  })

  it('keeps quoted fields whole (delimiters, doubled quotes, line breaks) and counts their lines', () => {
    const csv = 'x,"a,b","he said ""hi""\nand left"\ny,z,w\n'
    expect(encode(csv)).toBe('2,,x,"a,b","he said ""hi""\nand left"\n4,,y,z,w\n')
  })

  it('reads CRLF, lone CR and a last line without a break, skips blank lines, trims unquoted fields', () => {
    expect(encode('a, b ,c\r\n\r\nd,e,f\rg,h,i')).toBe('2,,a,b,c\n4,,d,e,f\n5,,g,h,i\n')
    expect(encode('  "q" ,r,s\n')).toBe('2,,"q",r,s\n')
  })

  it('gives the same output however the file is cut into chunks', () => {
    const csv = 'a,"b\r\nc",d\r\n"""",,x\r\n1,2\r\n\r\nlast,one,here'
    const whole = encode(csv)
    for (const size of [1, 2, 3, 7]) expect(encode(csv, {}, size)).toBe(whole)
  })

  it('turns records the database would refuse into problems instead of fields', () => {
    expect(encode('1,2\n4,5,6,7\n')).toBe(
      '2,"expected 3 fields as in the header, found 2",,,\n3,"expected 3 fields as in the header, found 4",,,\n',
    )
    const bad = Buffer.concat([
      Buffer.from('ok,1,2\nbad,'),
      Buffer.from([0xff, 0xfe]),
      Buffer.from(',3\nnul,\u0000,4\n'),
    ])
    expect(encode(bad)).toBe(
      '2,,ok,1,2\n3,"the line is not valid UTF-8 text (save the file as UTF-8)",,,\n4,"the line contains a NUL byte",,,\n',
    )
    expect(encode('a,b,"open\n')).toBe('2,"a quoted field is not closed before the end of the file",,,\n')
  })

  it('refuses a record longer than the limit rather than buffering the file', () => {
    expect(() => encode(`a,b,"${'x'.repeat(5000)}`, { maxRecordBytes: 1000 }, 100)).toThrow(
      /line 2: a record longer than/,
    )
  })

  it('writes the delimiter of the file', () => {
    expect(encode('1;2;3\n', { delimiter: 59 })).toBe('2;;1;2;3\n')
  })
})
