import type { Executor } from '../../db/database.js'
import type { Actor } from '../platform/index.js'
import { DEFAULT_TIER_RULES, listValueRuns, saveValueSettings, scoreWorkspace } from '../value/index.js'

/**
 * Scores the demo workspace once, so the demo shows CLV, RFM segments and value tiers. The
 * demo's hand-set tiers were placeholders until the value engine ran: its rules let value
 * tiers replace them. A workspace that already has a value run is left as it is.
 */
export async function seedDemoValue(db: Executor, actor: Actor): Promise<void> {
  const runs = await listValueRuns(db, actor.workspaceId, { limit: 1 })
  if (runs.items.length > 0) return
  await saveValueSettings(db, actor, { tierRules: { ...DEFAULT_TIER_RULES, manualTiersWin: false } })
  await scoreWorkspace(db, actor, { model: 'bgnbd', unit: 'weeks', horizonMonths: 12, discountMonthly: 0.01 })
}
