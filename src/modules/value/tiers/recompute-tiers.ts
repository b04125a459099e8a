import { sql } from 'kysely'
import type { Executor } from '../../../db/database.js'
import { type Actor, recordAudit } from '../../platform/index.js'
import { readValueSettings, saveValueSettings } from '../value-settings.js'
import { applyTiersToCustomers } from './apply-tiers.js'
import type { TierRules } from './tier-rules.js'
import { tierSql } from './tier-sql.js'

/**
 * Re-ranks the latest scores by the workspace's tier rules (no refit) and applies the tiers to
 * customers, with timeline events for the changes. Used after the rules change, and on demand.
 */
export async function recomputeTiers(db: Executor, actor: Actor): Promise<{ tierChanges: number }> {
  const run = async (trx: Executor) => {
    const { tierRules } = await readValueSettings(trx, actor.workspaceId)
    await sql`
      UPDATE customer_values v SET value_tier = t.tier
      FROM (
        SELECT cv.customer_id, ${tierSql(tierRules, 'cv', sql.ref('k.n'))} AS tier
        FROM customer_values cv
        CROSS JOIN (SELECT count(*)::float8 AS n FROM customer_values WHERE workspace_id = ${actor.workspaceId}) k
        WHERE cv.workspace_id = ${actor.workspaceId}
      ) t
      WHERE v.workspace_id = ${actor.workspaceId} AND v.customer_id = t.customer_id
        AND v.value_tier IS DISTINCT FROM t.tier`.execute(trx)
    const tierChanges = await applyTiersToCustomers(trx, actor.workspaceId, {
      manualTiersWin: tierRules.manualTiersWin,
      runId: null,
    })
    await recordAudit(trx, actor, {
      action: 'value.tiers_recomputed',
      entityType: 'value_settings',
      entityId: actor.workspaceId,
      after: { tierChanges },
    })
    return { tierChanges }
  }
  return db.isTransaction ? run(db) : db.transaction().execute(run)
}

/** Saves new tier rules and re-tiers every scored customer by them, atomically. */
export async function updateTierRules(
  db: Executor,
  actor: Actor,
  rules: TierRules,
): Promise<{ rules: TierRules; tierChanges: number }> {
  const run = async (trx: Executor) => {
    await saveValueSettings(trx, actor, { tierRules: rules })
    const { tierChanges } = await recomputeTiers(trx, actor)
    return { rules, tierChanges }
  }
  return db.isTransaction ? run(db) : db.transaction().execute(run)
}
