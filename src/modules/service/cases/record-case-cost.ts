import type { Executor } from '../../../db/database.js'
import { newId } from '../../../db/ids.js'
import type { CaseRow } from '../case-sla/save-case.js'
import type { ServiceSettingsView } from '../config/service-settings.js'

/**
 * A handled case costs the unit cost of its channel (service settings). It is written once, when
 * the case is first resolved; reopening and resolving again costs nothing more. No cost is
 * written for a channel without a unit cost.
 *
 * Cost-to-serve hook: the value engine's ledger (cost_entries) is not in the schema yet; until it
 * is, case_costs is the record, per case and per customer (a customer merge moves it).
 */
export async function recordCaseCost(
  db: Executor,
  c: CaseRow,
  settings: ServiceSettingsView,
  at: Date,
): Promise<void> {
  const amount = settings.channelCosts[c.channel]
  if (amount === undefined) return
  await db
    .insertInto('case_costs')
    .values({
      workspace_id: c.workspace_id,
      id: newId(),
      case_id: c.id,
      customer_id: c.customer_id,
      channel: c.channel,
      amount,
      occurred_at: at,
    })
    .onConflict((oc) => oc.columns(['workspace_id', 'case_id']).doNothing())
    .execute()
}
