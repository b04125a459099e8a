import { z } from 'zod'
import type { Executor, Row } from '../../../db/database.js'
import { findOwned } from '../../../db/find-owned.js'
import { newId } from '../../../db/ids.js'
import { type Actor, recordAudit } from '../../platform/index.js'
import type { SlaTargets } from '../case-sla/evaluate-case-sla.js'
import { CASE_PRIORITIES, type CasePriority, TierName } from '../cases/case.constants.js'
import { ServiceError, unknownReference } from '../service.errors.js'

/** A year of round-the-clock minutes: more is a typo, not a target. */
const Minutes = z.number().int().min(1).max(527_040).nullable().default(null)
const Targets = z.object({ firstResponse: Minutes, nextResponse: Minutes, resolution: Minutes })

export const PolicyTargets = z
  .object(
    Object.fromEntries(CASE_PRIORITIES.map((p) => [p, Targets.optional()])) as Record<
      CasePriority,
      z.ZodOptional<typeof Targets>
    >,
  )
  .describe('Business minutes per priority; a missing priority or a null target means no clock')

export const PolicyInput = z
  .object({
    name: z.string().trim().min(1).max(100),
    appliesTo: z
      .enum(['tier', 'default', 'internal'])
      .describe('tier: customers of one value tier; default: other customers; internal: departments'),
    tier: TierName.optional(),
    calendarId: z.uuid().nullable().optional().describe('Business hours; none = the default calendar'),
    targets: PolicyTargets,
  })
  .refine((p) => (p.appliesTo === 'tier') === (p.tier !== undefined), {
    path: ['tier'],
    message: 'give a tier exactly when appliesTo is tier',
  })
export type PolicyInput = z.input<typeof PolicyInput>

export const PolicyView = z.object({
  id: z.uuid(),
  name: z.string(),
  appliesTo: z.enum(['tier', 'default', 'internal']),
  tier: z.string().nullable(),
  calendarId: z.uuid().nullable(),
  targets: PolicyTargets,
  createdAt: z.date(),
  updatedAt: z.date(),
})
export type PolicyView = z.infer<typeof PolicyView>

const toView = (r: Row<'sla_policies'>): PolicyView => ({
  id: r.id,
  name: r.name,
  appliesTo: r.applies_to,
  tier: r.tier,
  calendarId: r.calendar_id,
  targets: r.targets as PolicyView['targets'],
  createdAt: r.created_at,
  updatedAt: r.updated_at,
})

/** The targets of one priority, or null when the policy sets none for it. */
export function targetsFor(targets: unknown, priority: CasePriority): SlaTargets | null {
  const t = (targets as Record<string, Partial<SlaTargets> | undefined>)[priority]
  if (!t) return null
  return {
    firstResponse: t.firstResponse ?? null,
    nextResponse: t.nextResponse ?? null,
    resolution: t.resolution ?? null,
  }
}

export async function listPolicies(db: Executor, workspaceId: string): Promise<PolicyView[]> {
  const rows = await db
    .selectFrom('sla_policies')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .orderBy('applies_to')
    .orderBy('tier')
    .execute()
  return rows.map(toView)
}

export async function getPolicy(db: Executor, workspaceId: string, id: string): Promise<PolicyView> {
  const row = await findOwned(db, 'sla_policies', workspaceId, id)
  if (!row) throw new ServiceError('POLICY_NOT_FOUND', `SLA policy ${id} not found`)
  return toView(row)
}

async function checkCalendar(db: Executor, workspaceId: string, calendarId: string | null | undefined) {
  if (!calendarId) return
  if (!(await findOwned(db, 'service_calendars', workspaceId, calendarId)))
    throw unknownReference('body.calendarId', 'calendar')
}

const scopeTaken = (p: z.infer<typeof PolicyInput>) =>
  new ServiceError(
    'NAME_TAKEN',
    p.appliesTo === 'tier'
      ? `a policy for tier ${p.tier} exists`
      : `a ${p.appliesTo} policy exists (or the name is taken)`,
  )

export async function createPolicy(db: Executor, actor: Actor, input: PolicyInput): Promise<PolicyView> {
  const p = PolicyInput.parse(input)
  await checkCalendar(db, actor.workspaceId, p.calendarId)
  const row = await db
    .insertInto('sla_policies')
    .values({
      workspace_id: actor.workspaceId,
      id: newId(),
      name: p.name,
      applies_to: p.appliesTo,
      tier: p.tier ?? null,
      calendar_id: p.calendarId ?? null,
      targets: JSON.stringify(p.targets),
    })
    .onConflict((oc) => oc.doNothing())
    .returningAll()
    .executeTakeFirst()
  if (!row) throw scopeTaken(p)
  const view = toView(row)
  await recordAudit(db, actor, {
    action: 'sla_policy.created',
    entityType: 'sla_policy',
    entityId: row.id,
    after: view,
  })
  return view
}

/** Replaces a policy. Open cases take the new targets at their next change or SLA look. */
export async function updatePolicy(
  db: Executor,
  actor: Actor,
  id: string,
  input: PolicyInput,
): Promise<PolicyView> {
  const p = PolicyInput.parse(input)
  const before = await getPolicy(db, actor.workspaceId, id)
  await checkCalendar(db, actor.workspaceId, p.calendarId)
  const clash = await db
    .selectFrom('sla_policies')
    .select('id')
    .where('workspace_id', '=', actor.workspaceId)
    .where('id', '!=', before.id)
    .where((eb) =>
      eb.or([
        eb('name', '=', p.name),
        eb.and([
          eb('applies_to', '=', p.appliesTo),
          eb(eb.fn.coalesce('tier', eb.val('')), '=', p.tier ?? ''),
        ]),
      ]),
    )
    .executeTakeFirst()
  if (clash) throw scopeTaken(p)
  const row = await db
    .updateTable('sla_policies')
    .set({
      name: p.name,
      applies_to: p.appliesTo,
      tier: p.tier ?? null,
      calendar_id: p.calendarId ?? null,
      targets: JSON.stringify(p.targets),
      updated_at: new Date(),
    })
    .where('workspace_id', '=', actor.workspaceId)
    .where('id', '=', before.id)
    .returningAll()
    .executeTakeFirstOrThrow()
  const after = toView(row)
  await recordAudit(db, actor, {
    action: 'sla_policy.updated',
    entityType: 'sla_policy',
    entityId: id,
    before,
    after,
  })
  return after
}

export async function deletePolicy(db: Executor, actor: Actor, id: string): Promise<void> {
  const before = await getPolicy(db, actor.workspaceId, id)
  await db
    .deleteFrom('sla_policies')
    .where('workspace_id', '=', actor.workspaceId)
    .where('id', '=', before.id)
    .execute()
  await recordAudit(db, actor, {
    action: 'sla_policy.deleted',
    entityType: 'sla_policy',
    entityId: id,
    before,
  })
}
