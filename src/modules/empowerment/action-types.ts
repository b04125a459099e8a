import { z } from 'zod'
import type { Executor, Row } from '../../db/database.js'
import { findOwned } from '../../db/find-owned.js'
import { newId } from '../../db/ids.js'
import { type Actor, recordAudit } from '../platform/index.js'
import { EmpowermentError } from './empowerment.errors.js'
import { AmountInput } from './money.js'

export const GRANT_ACTION_KINDS = [
  'refund',
  'account_credit',
  'gift',
  'free_upgrade',
  'waived_fee',
  'onsite_repair',
  'custom',
] as const

export const ActionTypeInput = z
  .object({
    kind: z.enum(GRANT_ACTION_KINDS),
    name: z.string().trim().min(1).max(80),
    costRule: z
      .enum(['entered', 'fixed'])
      .describe('entered: the agent enters the amount; fixed: every grant costs fixedAmount'),
    fixedAmount: AmountInput.nullable().optional(),
    active: z.boolean().default(true),
  })
  .refine((a) => (a.costRule === 'fixed') === (a.fixedAmount != null), {
    path: ['fixedAmount'],
    message: 'a fixed cost rule needs fixedAmount; an entered one must not have it',
  })
export type ActionTypeInput = z.input<typeof ActionTypeInput>

export const ActionTypeView = z.object({
  id: z.uuid(),
  kind: z.enum(GRANT_ACTION_KINDS),
  name: z.string(),
  costRule: z.enum(['entered', 'fixed']),
  fixedAmount: z.string().nullable(),
  active: z.boolean(),
  createdAt: z.date(),
  updatedAt: z.date(),
})
export type ActionTypeView = z.infer<typeof ActionTypeView>

export const toActionTypeView = (r: Row<'grant_action_types'>): ActionTypeView => ({
  id: r.id,
  kind: r.kind,
  name: r.name,
  costRule: r.cost_rule,
  fixedAmount: r.fixed_amount,
  active: r.active,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
})

export async function listActionTypes(db: Executor, workspaceId: string): Promise<ActionTypeView[]> {
  const rows = await db
    .selectFrom('grant_action_types')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .orderBy('name')
    .execute()
  return rows.map(toActionTypeView)
}

export async function getActionType(db: Executor, workspaceId: string, id: string): Promise<ActionTypeView> {
  const row = await findOwned(db, 'grant_action_types', workspaceId, id)
  if (!row) throw new EmpowermentError('ACTION_TYPE_NOT_FOUND', `action type ${id} not found`)
  return toActionTypeView(row)
}

async function nameFree(db: Executor, workspaceId: string, name: string, except?: string) {
  let qb = db
    .selectFrom('grant_action_types')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('name', '=', name)
  if (except) qb = qb.where('id', '<>', except)
  if (await qb.executeTakeFirst())
    throw new EmpowermentError('NAME_TAKEN', `an action type named ${name} exists`)
}

export async function createActionType(
  db: Executor,
  actor: Actor,
  input: ActionTypeInput,
): Promise<ActionTypeView> {
  const a = ActionTypeInput.parse(input)
  await nameFree(db, actor.workspaceId, a.name)
  const row = await db
    .insertInto('grant_action_types')
    .values({
      workspace_id: actor.workspaceId,
      id: newId(),
      kind: a.kind,
      name: a.name,
      cost_rule: a.costRule,
      fixed_amount: a.fixedAmount ?? null,
      active: a.active,
    })
    .onConflict((oc) => oc.columns(['workspace_id', 'name']).doNothing())
    .returningAll()
    .executeTakeFirst()
  if (!row) throw new EmpowermentError('NAME_TAKEN', `an action type named ${a.name} exists`)
  const view = toActionTypeView(row)
  await recordAudit(db, actor, {
    action: 'empowerment.action_type_created',
    entityType: 'grant_action_type',
    entityId: row.id,
    after: view,
  })
  return view
}

export async function updateActionType(
  db: Executor,
  actor: Actor,
  id: string,
  input: ActionTypeInput,
): Promise<ActionTypeView> {
  const before = await getActionType(db, actor.workspaceId, id)
  const a = ActionTypeInput.parse(input)
  await nameFree(db, actor.workspaceId, a.name, id)
  const row = await db
    .updateTable('grant_action_types')
    .set({
      kind: a.kind,
      name: a.name,
      cost_rule: a.costRule,
      fixed_amount: a.fixedAmount ?? null,
      active: a.active,
      updated_at: new Date(),
    })
    .where('workspace_id', '=', actor.workspaceId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow()
  const view = toActionTypeView(row)
  await recordAudit(db, actor, {
    action: 'empowerment.action_type_updated',
    entityType: 'grant_action_type',
    entityId: id,
    before,
    after: view,
  })
  return view
}
