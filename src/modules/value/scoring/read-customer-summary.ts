import { sql } from 'kysely'
import type { Executor } from '../../../db/database.js'
import { unitDays } from './fit-stage.js'
import type { ScoreOptions } from './score-options.js'
import { withSession } from './session.js'
import { dropStage, stageSummary } from './stage-summary.js'

export interface DatabaseSummary {
  /** external id where the customer has one, else the customer id */
  ids: string[]
  x: Float64Array
  tx: Float64Array
  T: Float64Array
  monetary: Float64Array
  holdoutPurchases: Float64Array
}

/**
 * The per-customer summary that scoring stages in SQL, read whole into columns, in model units.
 * For tests and small workspaces: scoring itself only reads it folded (see fold-stage.ts).
 */
export async function readCustomerSummary(
  db: Executor,
  workspaceId: string,
  opts: { calibrationEnd: string; holdoutEnd?: string; unit: ScoreOptions['unit'] },
): Promise<DatabaseSummary> {
  return withSession(db, async (session) => {
    const ws = await session
      .selectFrom('workspaces')
      .select('timezone')
      .where('id', '=', workspaceId)
      .executeTakeFirstOrThrow()
    try {
      await stageSummary(session, workspaceId, {
        timezone: ws.timezone,
        calibrationEnd: opts.calibrationEnd,
        holdoutEnd: opts.holdoutEnd ?? opts.calibrationEnd,
      })
      const { rows } = await sql<{ id: string; x: number; r: number; a: number; spend: number; h: number }>`
        SELECT coalesce(c.external_id, s.customer_id::text) AS id, s.x, s.recency_days AS r, s.age_days AS a,
          s.repeat_spend::float8 AS spend, s.holdout_x AS h
        FROM value_stage s JOIN customers c ON c.workspace_id = ${workspaceId} AND c.id = s.customer_id
        ORDER BY 1`.execute(session)
      const days = unitDays(opts.unit)
      return {
        ids: rows.map((r) => r.id),
        x: Float64Array.from(rows, (r) => r.x),
        tx: Float64Array.from(rows, (r) => r.r / days),
        T: Float64Array.from(rows, (r) => r.a / days),
        monetary: Float64Array.from(rows, (r) => (r.x > 0 ? r.spend / r.x : 0)),
        holdoutPurchases: Float64Array.from(rows, (r) => r.h),
      }
    } finally {
      await dropStage(session)
    }
  })
}
