import type { Executor } from '../../../db/database.js'
import { newId } from '../../../db/ids.js'
import { recordCostEntries } from '../../value/index.js'
import type { CaseRow } from '../case-sla/save-case.js'
import type { ServiceSettingsView } from '../config/service-settings.js'

/**
 * A handled case costs the unit cost of its channel (service settings), once, when the case is
 * first resolved; reopening and resolving again costs nothing more, and a channel without a unit
 * cost costs nothing. case_costs keeps every handled case (departments' requests too); a
 * customer's cases are also posted to the value engine's cost-to-serve ledger (source `service`,
 * reference = the case id, so a repeat posting is a no-op there too).
 */
export async function recordCaseCost(
  db: Executor,
  c: CaseRow,
  settings: ServiceSettingsView,
  at: Date,
): Promise<void> {
  const amount = settings.channelCosts[c.channel]
  if (amount === undefined) return
  const inserted = await db
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
    .returning('id')
    .executeTakeFirst()
  if (inserted && c.customer_id)
    await recordCostEntries(db, c.workspace_id, 'service', [
      { customerId: c.customer_id, kind: `case.${c.channel}`, amount, occurredAt: at, reference: c.id },
    ])
}
