import { once } from 'node:events'
import { Kysely, PostgresDialect } from 'kysely'
import type pg from 'pg'
import { from as copyFrom, to as copyTo } from 'pg-copy-streams'
import type { BulkSession } from '../bulk-session.js'
import type { DB } from '../database.js'

/**
 * A bulk session on one pooled client: temporary tables live in a PostgreSQL session, so every
 * statement of an import (COPY, checks, the write transaction) must use the same connection.
 */
export async function openPostgresBulkSession(pool: pg.Pool): Promise<BulkSession> {
  const client = await pool.connect()
  // Kysely on this one client: "releasing" it after each query must not hand it back to the pool.
  const single = { query: client.query.bind(client), release: () => {} } as unknown as pg.PoolClient
  const db = new Kysely<DB>({
    dialect: new PostgresDialect({ pool: { connect: async () => single, end: async () => {} } }),
  })
  let released = false
  return {
    kind: 'postgres',
    db,
    async copyIn(target, options, chunks) {
      const stream = client.query(copyFrom(`COPY ${target} FROM STDIN WITH (${options})`))
      const done = new Promise<void>((resolve, reject) => {
        stream.once('finish', resolve)
        stream.once('error', reject)
      })
      // A source error must not leave the stream half-fed: destroying it sends CopyFail.
      done.catch(() => {})
      try {
        for await (const chunk of chunks) {
          if (!stream.write(chunk)) await Promise.race([once(stream, 'drain'), done])
        }
        stream.end()
      } catch (error) {
        stream.destroy(error as Error)
        await done.catch(() => {})
        throw error
      }
      await done
    },
    copyOut(query, options) {
      return client.query(copyTo(`COPY (${query}) TO STDOUT WITH (${options})`))
    },
    transaction: (fn) => db.transaction().execute(fn),
    async release() {
      if (released) return
      released = true
      // DISCARD TEMP drops this session's staging tables before the client serves anyone else.
      try {
        await client.query('DISCARD TEMP')
        client.release()
      } catch (error) {
        client.release(error as Error)
      }
    },
  }
}
