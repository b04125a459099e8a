import { createHash, randomUUID } from 'node:crypto'
import fs from 'node:fs'
import type { IncomingMessage } from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { FastifyInstance, FastifyRequest } from 'fastify'

/** CSV types a browser or a script may send a spreadsheet export with. */
const CSV_TYPES = [
  'text/csv',
  'application/csv',
  'text/plain',
  'application/vnd.ms-excel',
  'application/octet-stream',
]

/** An uploaded body, saved to a temporary file as it arrives (never held in memory). */
export class CsvUpload {
  /** Set when a job takes the file over (and deletes it when done). */
  claimed = false
  constructor(
    readonly path: string,
    readonly bytes: number,
    readonly sha256: string,
  ) {}
  /** What the Idempotency-Key check hashes: the content, not where it was saved. */
  toJSON() {
    return { sha256: this.sha256, bytes: this.bytes }
  }
  discard() {
    fs.rm(this.path, { force: true }, () => {})
  }
}

const tooLarge = (limit: number) =>
  Object.assign(new Error(`the file is larger than ${Math.round(limit / 2 ** 20)} MB`), {
    statusCode: 413,
    code: 'FST_ERR_CTP_BODY_TOO_LARGE',
  })

/**
 * Lets the routes of one plugin take a CSV body of up to `limit` bytes: it streams to a temporary
 * file (hashing it on the way) and the handler gets a CsvUpload. A file no handler claims is
 * deleted when the response is sent.
 */
export function acceptCsvUploads(app: FastifyInstance, limit: number): void {
  const dir = path.join(os.tmpdir(), 'centric-uploads')
  app.addContentTypeParser(
    CSV_TYPES,
    { bodyLimit: limit },
    async (_request: FastifyRequest, payload: IncomingMessage) => {
      fs.mkdirSync(dir, { recursive: true })
      const file = path.join(dir, `${randomUUID()}.csv`)
      const hash = createHash('sha256')
      let bytes = 0
      const count = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          bytes += chunk.length
          if (bytes > limit) return done(tooLarge(limit))
          hash.update(chunk)
          done(null, chunk)
        },
      })
      try {
        await pipeline(payload, count, fs.createWriteStream(file))
      } catch (error) {
        fs.rmSync(file, { force: true })
        throw error
      }
      return new CsvUpload(file, bytes, hash.digest('hex'))
    },
  )
  app.addHook('onResponse', async (request) => {
    if (request.body instanceof CsvUpload && !request.body.claimed) request.body.discard()
  })
}
