import type { Executor } from '../../db/database.js'
import { type Actor, recordAudit } from '../platform/index.js'
import { DEFAULT_SERVICE_FIT, ServiceFitSettings } from './reports/service-fit-settings.js'
import { DEFAULT_TIER_RULES, TierRules } from './tiers/tier-rules.js'

export interface ValueSettings {
  tierRules: TierRules
  serviceFit: ServiceFitSettings
}

/** The workspace's value settings, defaults where nothing was saved. */
export async function readValueSettings(db: Executor, workspaceId: string): Promise<ValueSettings> {
  const row = await db
    .selectFrom('value_settings')
    .select(['tier_rules', 'service_fit'])
    .where('workspace_id', '=', workspaceId)
    .executeTakeFirst()
  if (!row) return { tierRules: DEFAULT_TIER_RULES, serviceFit: DEFAULT_SERVICE_FIT }
  // Parsed again on read: defaults added by a later version fill in for rows saved before.
  return { tierRules: TierRules.parse(row.tier_rules), serviceFit: ServiceFitSettings.parse(row.service_fit) }
}

/** Saves part of the settings (the rest keeps its value), with an audit entry. */
export async function saveValueSettings(
  db: Executor,
  actor: Actor,
  patch: Partial<ValueSettings>,
): Promise<ValueSettings> {
  const before = await readValueSettings(db, actor.workspaceId)
  const after = { ...before, ...patch }
  const values = {
    tier_rules: JSON.stringify(after.tierRules),
    service_fit: JSON.stringify(after.serviceFit),
    updated_by: actor.userId,
    updated_at: new Date(),
  }
  await db
    .insertInto('value_settings')
    .values({ workspace_id: actor.workspaceId, ...values })
    .onConflict((oc) => oc.column('workspace_id').doUpdateSet(values))
    .execute()
  await recordAudit(db, actor, {
    action: 'value.settings_changed',
    entityType: 'value_settings',
    entityId: actor.workspaceId,
    before,
    after,
  })
  return after
}
