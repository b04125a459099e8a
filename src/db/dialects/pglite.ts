import fs from 'node:fs'
import path from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'
import { Kysely } from 'kysely'
import { PGliteDialect } from 'kysely-pglite-dialect'
import type { DB } from '../database.js'
import { typeParsers } from '../type-parsers.js'

const LOCK_FILE = 'centric.lock'

/** The embedded database belongs to one process: a second one would corrupt it. */
export class DataDirInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `the data folder ${dataDir} is in use by process ${pid} (a running Centric server?). ` +
        'Stop it first, run the command through the server, or set DATABASE_URL to use a PostgreSQL server.',
    )
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}

function takeLock(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true })
  const file = path.join(dataDir, LOCK_FILE)
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      // 'wx' fails if the file exists: two processes racing for the folder cannot both win.
      fs.writeFileSync(file, String(process.pid), { flag: 'wx' })
      return () => fs.rmSync(file, { force: true })
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
      const pid = Number(fs.readFileSync(file, 'utf8').trim())
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isAlive(pid))
        throw new DataDirInUseError(dataDir, pid)
      fs.rmSync(file, { force: true }) // stale lock of a process that died
    }
  }
  throw new Error(`could not lock ${dataDir}`)
}

export interface PgliteHandle {
  db: Kysely<DB>
  pglite: PGlite
  close: () => Promise<void>
}

/** Opens (creating if needed) the embedded database in `dataDir`, or in memory when dataDir is undefined. */
export async function openPgliteDatabase(dataDir: string | undefined): Promise<PgliteHandle> {
  const release = dataDir ? takeLock(dataDir) : () => {}
  try {
    const pgDir = dataDir ? path.join(dataDir, 'pg') : undefined
    const pglite = await PGlite.create({ dataDir: pgDir, parsers: typeParsers, extensions: { pg_trgm } })
    await pglite.exec("SET TIME ZONE 'UTC'")
    const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite) })
    let closed = false
    const close = async () => {
      if (closed) return
      closed = true
      await db.destroy()
      release()
    }
    return { db, pglite, close }
  } catch (err) {
    release()
    throw err
  }
}
