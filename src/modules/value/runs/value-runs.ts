import { sql } from 'kysely'
import { z } from 'zod'
import type { Executor, Row } from '../../../db/database.js'
import { isUuid, newId } from '../../../db/ids.js'
import { type Page, PageQuery, toPage } from '../../../shared/pagination.js'
import { type Actor, recordAudit } from '../../platform/index.js'
import { idFromCursor } from '../id-cursor.js'
import { ScoreOptions, type ScoreOptionsInput } from '../scoring/score-options.js'
import { ValueError } from '../value.errors.js'

/** A run that has not moved for this long lost its process; a new run may replace it. */
const STALE_MINUTES = 10

export const ValueRunView = z.object({
  id: z.uuid(),
  status: z.enum(['queued', 'running', 'succeeded', 'failed']),
  phase: z
    .string()
    .nullable()
    .describe('What the run is doing: summarising, fitting, predicting, writing, tiers'),
  progress: z.number().describe('0 to 1'),
  options: ScoreOptions,
  result: z
    .record(z.string(), z.unknown())
    .nullable()
    .describe('Model, parameters, standard errors, log-likelihood, spend model, holdout comparison'),
  customersScored: z.number().int().nullable(),
  tierChanges: z.number().int().nullable(),
  message: z.string().nullable(),
  createdAt: z.date(),
  startedAt: z.date().nullable(),
  finishedAt: z.date().nullable(),
})
export type ValueRunView = z.infer<typeof ValueRunView>

export const ListValueRunsQuery = z.object({ ...PageQuery.shape })

const toView = (r: Row<'value_runs'>): ValueRunView => ({
  id: r.id,
  status: r.status,
  phase: r.phase,
  progress: r.progress,
  options: ScoreOptions.parse(r.options),
  result: r.result,
  customersScored: r.customers_scored,
  tierChanges: r.tier_changes,
  message: r.message,
  createdAt: r.created_at,
  startedAt: r.started_at,
  finishedAt: r.finished_at,
})

/**
 * Records a queued run. One run may be active per workspace (a unique index holds it, so two
 * concurrent requests cannot both start one); a run whose process died is failed first.
 */
export async function createValueRun(
  db: Executor,
  actor: Actor,
  input: ScoreOptionsInput,
): Promise<ValueRunView> {
  const options = ScoreOptions.parse(input)
  await db
    .updateTable('value_runs')
    .set({
      status: 'failed',
      message: 'interrupted: the process running it stopped',
      finished_at: new Date(),
    })
    .where('workspace_id', '=', actor.workspaceId)
    .where('status', 'in', ['queued', 'running'])
    .where('updated_at', '<', sql<Date>`now() - ${`${STALE_MINUTES} minutes`}::interval`)
    .execute()
  const id = newId()
  const row = await db
    .insertInto('value_runs')
    .values({
      workspace_id: actor.workspaceId,
      id,
      options: JSON.stringify(options),
      created_by: actor.userId,
    })
    .onConflict((oc) => oc.column('workspace_id').where('status', 'in', ['queued', 'running']).doNothing())
    .returningAll()
    .executeTakeFirst()
  if (!row) throw new ValueError('RUN_IN_PROGRESS', 'a value run is already in progress in this workspace')
  await recordAudit(db, actor, {
    action: 'value.run_started',
    entityType: 'value_run',
    entityId: id,
    after: { options },
  })
  return toView(row)
}

export async function getValueRun(db: Executor, workspaceId: string, id: string): Promise<ValueRunView> {
  const row = isUuid(id)
    ? await db
        .selectFrom('value_runs')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', id)
        .executeTakeFirst()
    : undefined
  if (!row) throw new ValueError('RUN_NOT_FOUND', `value run ${id} not found`)
  return toView(row)
}

/** Newest first. */
export async function listValueRuns(
  db: Executor,
  workspaceId: string,
  query: z.infer<typeof ListValueRunsQuery>,
): Promise<Page<ValueRunView>> {
  let qb = db.selectFrom('value_runs').selectAll().where('workspace_id', '=', workspaceId)
  if (query.cursor) {
    qb = qb.where('id', '<', idFromCursor(query.cursor))
  }
  const rows = await qb
    .orderBy('id', 'desc')
    .limit(query.limit + 1)
    .execute()
  return toPage(rows, query.limit, (r) => [r.id], toView)
}

/** The latest succeeded scoring run (the one whose scores customers carry), if any. */
export async function latestScoringRun(db: Executor, workspaceId: string) {
  return db
    .selectFrom('value_runs')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('status', '=', 'succeeded')
    .where(sql<boolean>`options->>'holdoutEnd' IS NULL`)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst()
}
