import { sql } from 'kysely'
import type { Executor, Row } from '../../db/database.js'
import { CustomerMergeError } from './customer-merge.errors.js'
import { normalisePhone } from './customers.schemas.js'

type Customer = Row<'customers'>

/**
 * The survivor's organisation after the merge: its own, else the merged one's (a contact stays
 * a contact), but never itself (when the merged person was one of the survivor's contacts) and
 * never for a person folded into an organisation (the person's employer is not the company's parent).
 */
export function survivingOrganisation(survivor: Customer, merged: Customer): string | null {
  if (survivor.organisation_id) return survivor.organisation_id
  if (survivor.kind !== merged.kind || merged.organisation_id === survivor.id) return null
  return merged.organisation_id
}

/** Refuses merges that would lose meaning or make the organisation tree loop. */
export async function assertMergeAllowed(
  db: Executor,
  workspaceId: string,
  survivor: Customer,
  merged: Customer,
): Promise<void> {
  if (merged.kind === 'organisation' && survivor.kind === 'person') {
    throw new CustomerMergeError(
      'MERGE_KIND_MISMATCH',
      'an organisation cannot be merged into a person (its contacts would belong to a person); merge the person into the organisation instead',
    )
  }
  if (merged.organisation_id === survivor.id && merged.kind !== survivor.kind) {
    throw new CustomerMergeError(
      'MERGE_CONTACT_INTO_OWN_ORGANISATION',
      `${merged.name} is a contact of ${survivor.name}: a contact is a different record from its organisation`,
    )
  }
  if (survivor.organisation_id === merged.id) {
    throw new CustomerMergeError(
      'MERGE_CREATES_CYCLE',
      `${survivor.name} belongs to ${merged.name} and would become its own organisation; merge them the other way round`,
    )
  }
  const parent = survivingOrganisation(survivor, merged)
  if (parent && (await reachesCustomer(db, workspaceId, parent, survivor.id, merged.id))) {
    throw new CustomerMergeError(
      'MERGE_CREATES_CYCLE',
      `the merge would make ${survivor.name} an organisation of itself through its parent organisations`,
    )
  }
}

/**
 * Walks up the organisation chain from `start` as it will be after the merge (links to the
 * merged customer lead to the survivor) and says whether it reaches the survivor.
 */
async function reachesCustomer(
  db: Executor,
  workspaceId: string,
  start: string,
  survivorId: string,
  mergedId: string,
): Promise<boolean> {
  const { rows } = await sql<{ found: boolean }>`
    WITH RECURSIVE up(id, depth) AS (
      SELECT ${start}::uuid, 0
      UNION ALL
      SELECT CASE WHEN c.organisation_id = ${mergedId}::uuid THEN ${survivorId}::uuid ELSE c.organisation_id END, up.depth + 1
      FROM up JOIN customers c ON c.workspace_id = ${workspaceId} AND c.id = up.id
      -- The depth bound ends the walk even on a chain that already loops.
      WHERE c.organisation_id IS NOT NULL AND up.id <> ${survivorId}::uuid AND up.depth < 1000
    )
    SELECT EXISTS (SELECT 1 FROM up WHERE id = ${survivorId}::uuid) AS found
  `.execute(db)
  return rows[0]?.found === true
}

const unionBy = (first: string[], second: string[], key: (v: string) => string): string[] => {
  const seen = new Set(first.map(key))
  return [...first, ...second.filter((v) => !seen.has(key(v)) && seen.add(key(v)))]
}

/**
 * The survivor's profile after the merge: its own values win, the merged customer fills what it
 * lacks, lists are unions (survivor's entries first), and it is a customer since the earlier of
 * the two. Purchase totals are recomputed from the moved purchases, not added here.
 */
export function combinedProfile(survivor: Customer, merged: Customer) {
  const keepTier = survivor.tier !== null
  return {
    external_id: survivor.external_id ?? merged.external_id,
    emails: unionBy(survivor.emails, merged.emails, (e) => e.trim().toLowerCase()),
    phones: unionBy(survivor.phones, merged.phones, normalisePhone),
    tags: unionBy(survivor.tags, merged.tags, (t) => t),
    organisation_id: survivingOrganisation(survivor, merged),
    country: survivor.country ?? merged.country,
    language: survivor.language ?? merged.language,
    timezone: survivor.timezone ?? merged.timezone,
    owner_id: survivor.owner_id ?? merged.owner_id,
    tier: keepTier ? survivor.tier : merged.tier,
    tier_source: keepTier ? survivor.tier_source : merged.tier_source,
    attributes: JSON.stringify({ ...merged.attributes, ...survivor.attributes }),
    created_at: survivor.created_at < merged.created_at ? survivor.created_at : merged.created_at,
    updated_at: new Date(),
  }
}
