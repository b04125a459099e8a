import type { Kysely } from 'kysely'
import PgBoss from 'pg-boss'
import type { DB } from '../../db/database.js'
import type { RawDriver } from '../../db/open-database.js'
import { pgBossDatabase } from './pg-boss-database.js'

/** What a job handler gets: the database and the job's data. */
export interface JobContext {
  db: Kysely<DB>
  data: Record<string, unknown>
}

/** A kind of background job. With `everySeconds`, the runner also schedules it periodically. */
export interface JobDefinition {
  /** Queue name: lower-case words and dots, e.g. `service.sla-sweep`. */
  name: string
  handler: (ctx: JobContext) => Promise<void>
  everySeconds?: number
}

export interface JobRunnerOptions {
  db: Kysely<DB>
  raw: RawDriver
  /** How often idle workers look for work (seconds, at least 0.5). */
  pollingIntervalSeconds?: number
  onError?: (error: unknown) => void
}

/**
 * Background jobs on pg-boss, in the application's own database (schema `pgboss`), on both
 * PostgreSQL and the embedded PGlite. Jobs are claimed with FOR UPDATE SKIP LOCKED, so any number
 * of servers can run workers side by side. A periodic job is sent on a timer by every server;
 * the queue's `stately` policy keeps at most one waiting and one running, so servers do not pile
 * up copies.
 *
 * @example
 * const jobs = new JobRunner({ db, raw })
 * jobs.define({ name: 'service.sla-sweep', everySeconds: 15, handler: ({ db }) => sweepSla(db, new Date()) })
 * await jobs.start()
 */
export class JobRunner {
  readonly #boss: PgBoss
  readonly #db: Kysely<DB>
  readonly #definitions = new Map<string, JobDefinition>()
  readonly #timers: NodeJS.Timeout[] = []
  readonly #polling: number
  #started = false

  constructor(options: JobRunnerOptions) {
    this.#db = options.db
    this.#polling = options.pollingIntervalSeconds ?? 2
    this.#boss = new PgBoss({
      db: pgBossDatabase(options.db, options.raw),
      // Cron schedules are not used (periodic jobs are timers + the stately policy), so the
      // clock-skew monitor and cron workers would only add queries.
      schedule: false,
      supervise: true,
    })
    this.#boss.on('error', options.onError ?? (() => {}))
  }

  define(definition: JobDefinition): this {
    if (this.#started) throw new Error('define jobs before start()')
    this.#definitions.set(definition.name, definition)
    return this
  }

  async start(): Promise<void> {
    await this.#boss.start()
    this.#started = true
    for (const d of this.#definitions.values()) {
      // A failed run of a periodic job is simply retried by the next tick.
      await this.#boss.createQueue(d.name, {
        name: d.name,
        policy: d.everySeconds ? 'stately' : 'standard',
        retryLimit: d.everySeconds ? 0 : 3,
      })
      await this.#boss.work<Record<string, unknown>>(
        d.name,
        { pollingIntervalSeconds: this.#polling },
        async (jobs) => {
          for (const job of jobs) await d.handler({ db: this.#db, data: job.data ?? {} })
        },
      )
      if (d.everySeconds) {
        const tick = () => this.send(d.name).catch(() => {})
        tick()
        this.#timers.push(setInterval(tick, d.everySeconds * 1000).unref())
      }
    }
  }

  /** Queues one run of a job (null when the queue's policy already holds one waiting). */
  send(name: string, data: Record<string, unknown> = {}): Promise<string | null> {
    return this.#boss.send(name, data)
  }

  /** The state of a job sent earlier (created, active, completed, failed, ...). */
  async jobState(name: string, id: string): Promise<string | undefined> {
    return (await this.#boss.getJobById(name, id))?.state
  }

  /** Stops timers and workers, letting running jobs finish (up to `timeoutMs`). */
  async stop(timeoutMs = 10_000): Promise<void> {
    for (const t of this.#timers.splice(0)) clearInterval(t)
    if (this.#started) await this.#boss.stop({ graceful: true, wait: true, close: false, timeout: timeoutMs })
    this.#started = false
  }
}
