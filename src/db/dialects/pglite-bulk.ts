import type { PGlite } from '@electric-sql/pglite'
import type { Kysely } from 'kysely'
import type { BulkSession } from '../bulk-session.js'
import type { DB } from '../database.js'

/**
 * The embedded database has one session, shared with every other query of the process. Kysely
 * queues its users on that session, so each COPY first takes Kysely's connection: no other
 * request's transaction can be open around it. PGlite reads COPY input from the `/dev/blob`
 * device, one Blob per statement, so a big file goes in as a series of COPYs of `blobBytes`
 * each: memory holds one blob, never the file.
 */
export function openPgliteBulkSession(db: Kysely<DB>, pglite: PGlite, blobBytes = 16 << 20): BulkSession {
  const copyBlob = (target: string, options: string, parts: Buffer[]) =>
    db.connection().execute(() =>
      pglite.query(`COPY ${target} FROM '/dev/blob' WITH (${options})`, [], {
        blob: new Blob(parts as Uint8Array<ArrayBuffer>[]),
      }),
    )
  return {
    kind: 'pglite',
    db,
    async copyIn(target, options, chunks) {
      let parts: Buffer[] = []
      let bytes = 0
      for await (const chunk of chunks) {
        parts.push(chunk)
        bytes += chunk.length
        if (bytes >= blobBytes) {
          await copyBlob(target, options, parts)
          parts = []
          bytes = 0
        }
      }
      if (bytes > 0) await copyBlob(target, options, parts)
    },
    transaction: (fn) => db.transaction().execute(fn),
    release: async () => {},
  }
}
