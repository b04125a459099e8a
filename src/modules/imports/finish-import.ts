import { sql, type Transaction } from 'kysely'
import type { BulkSession } from '../../db/bulk-session.js'
import type { DB } from '../../db/database.js'
import { lockForUncheckedBulkWrite } from '../customers/index.js'
import { type Actor, recordAudit, type WorkspaceView } from '../platform/index.js'
import { refreshCustomerTotals } from '../purchases/index.js'
import { type ImportPhase, type ImportResult, readErrors } from './import-result.js'
import type { Stage } from './stage-table.js'
import { validateStage } from './validate-stage.js'
import { writeCustomers } from './write-customers.js'
import { type WriteCounts, writePurchases } from './write-purchases.js'

export interface ImportSettings {
  /** Write the valid rows and report the rest; by default one invalid row stops the whole import. */
  skipInvalid: boolean
  /** A purchase naming an unknown customer creates a minimal one, or is invalid. */
  unknownCustomers: 'create' | 'fail'
}

export interface FinishContext {
  actor: Actor
  workspace: WorkspaceView
  settings: ImportSettings
  rowsRead: number
  /** The audit entry's subject: the import job, or the batch request. */
  audit: { action: string; entityType: string; entityId: string }
  onPhase?: (phase: ImportPhase) => void
}

/**
 * Validates a filled stage and, if it may, writes it in one transaction: the rows, the customer
 * totals they change, and one audit entry. Nothing is written when a row is invalid and
 * `skipInvalid` is off.
 */
export async function finishImport(
  session: BulkSession,
  stage: Stage,
  ctx: FinishContext,
): Promise<ImportResult> {
  const { workspace, settings, rowsRead } = ctx
  ctx.onPhase?.('validating')
  const invalid = await validateStage(session.db, stage, {
    workspaceId: workspace.id,
    currency: workspace.currency,
    unknownCustomers: settings.unknownCustomers,
  })
  const errors = await readErrors(session.db, stage)
  const none = { inserted: 0, updated: 0, customersCreated: 0, productsCreated: 0, aliased: 0 }
  if (invalid > 0 && !settings.skipInvalid) {
    return {
      status: 'failed',
      message:
        `${invalid} of ${rowsRead} rows are invalid, so nothing was written. Fix them, or import again ` +
        `skipping invalid rows to write the ${rowsRead - invalid} valid ones.`,
      rowsRead,
      ...none,
      unchanged: 0,
      invalid,
      errors,
    }
  }
  ctx.onPhase?.('writing')
  const { touched: _, ...counts } = await writeWithRetry(session, stage, ctx)
  return {
    status: 'succeeded',
    message: null,
    rowsRead,
    ...counts,
    unchanged: rowsRead - invalid - counts.inserted - counts.updated,
    invalid,
    errors,
  }
}

/**
 * The write checks which external ids exist, then inserts the others: a concurrent writer that
 * inserts one of them in between makes the insert fail with a unique violation (or, crossing
 * another import, a deadlock). Once the other transaction is committed, a second attempt sees
 * its rows and updates them instead.
 */
async function writeWithRetry(session: BulkSession, stage: Stage, ctx: FinishContext): Promise<WriteCounts> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await session.transaction((trx) => writeStage(trx, stage, ctx))
    } catch (error) {
      const code = (error as { code?: unknown }).code
      if (attempt >= 3 || (code !== '23505' && code !== '40P01')) throw error
    }
  }
}

async function writeStage(trx: Transaction<DB>, stage: Stage, ctx: FinishContext): Promise<WriteCounts> {
  const ws = ctx.workspace.id
  // Offset-less dates and times in the file mean the workspace's local time.
  await sql`SELECT set_config('TimeZone', ${ctx.workspace.timezone}, true)`.execute(trx)
  // Merges (the only way customers are removed; products never are) wait for this write, so the
  // per-row foreign-key triggers (three quarters of the write's time on PGlite) cannot fail and
  // are skipped where the role may. Only those triggers exist on the written tables
  // (finish-import.test.ts keeps it so).
  await lockForUncheckedBulkWrite(trx, ws)
  if (stage.kind === 'customers') {
    const counts = await writeCustomers(trx, stage, ws)
    await audit(trx, ctx, stage, counts)
    return counts
  }
  const counts = await writePurchases(trx, stage, ws)
  if (counts.inserted + counts.updated > 0) {
    ctx.onPhase?.('totals')
    await refreshCustomerTotals(trx, ws, counts.touched)
  }
  await audit(trx, ctx, stage, counts)
  return counts
}

function audit(trx: Transaction<DB>, ctx: FinishContext, stage: Stage, counts: WriteCounts) {
  return recordAudit(trx, ctx.actor, {
    ...ctx.audit,
    after: { kind: stage.kind, rowsRead: ctx.rowsRead, ...counts },
  })
}
