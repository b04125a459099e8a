import { z } from 'zod'
import type { Executor, Row } from '../../../db/database.js'
import { findOwned } from '../../../db/find-owned.js'
import { newId } from '../../../db/ids.js'
import { type Actor, recordAudit } from '../../platform/index.js'
import { CaseStatus, Category } from '../cases/case.constants.js'
import { getCase } from '../cases/case-view.js'
import { ServiceError } from '../service.errors.js'
import { assertKnownVariables, MACRO_VARIABLES, macroValues, renderMacro } from './render-macro.js'

export const MacroInput = z.object({
  name: z.string().trim().min(1).max(100),
  body: z
    .string()
    .trim()
    .min(1)
    .max(20_000)
    .describe(
      `Text with variables: ${Object.keys(MACRO_VARIABLES)
        .map((v) => `{{${v}}}`)
        .join(', ')}`,
    ),
  visibility: z.enum(['public', 'internal']).default('public'),
  category: Category.nullable()
    .default(null)
    .describe('Offered on cases of this category (null: on every case)'),
  setStatus: CaseStatus.nullable().default(null).describe('Status the case moves to after the macro is sent'),
})
export type MacroInput = z.input<typeof MacroInput>

export const MacroView = z.object({
  id: z.uuid(),
  name: z.string(),
  body: z.string(),
  visibility: z.enum(['public', 'internal']),
  category: z.string().nullable(),
  setStatus: CaseStatus.nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
})
export type MacroView = z.infer<typeof MacroView>

const toView = (r: Row<'macros'>): MacroView => ({
  id: r.id,
  name: r.name,
  body: r.body,
  visibility: r.visibility,
  category: r.category,
  setStatus: r.set_status,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
})

export const ListMacrosQuery = z.object({
  category: z.string().max(60).optional().describe("A case's category: its macros and the general ones"),
})

export async function listMacros(
  db: Executor,
  workspaceId: string,
  q: z.infer<typeof ListMacrosQuery>,
): Promise<MacroView[]> {
  let qb = db.selectFrom('macros').selectAll().where('workspace_id', '=', workspaceId)
  if (q.category !== undefined)
    qb = qb.where((eb) =>
      eb.or([eb('category', 'is', null), eb(eb.fn('lower', ['category']), '=', q.category!.toLowerCase())]),
    )
  return (await qb.orderBy('name').execute()).map(toView)
}

export async function getMacro(db: Executor, workspaceId: string, id: string): Promise<MacroView> {
  const row = await findOwned(db, 'macros', workspaceId, id)
  if (!row) throw new ServiceError('MACRO_NOT_FOUND', `macro ${id} not found`)
  return toView(row)
}

const toRow = (m: z.infer<typeof MacroInput>) => ({
  name: m.name,
  body: m.body,
  visibility: m.visibility,
  category: m.category,
  set_status: m.setStatus,
})

export async function createMacro(db: Executor, actor: Actor, input: MacroInput): Promise<MacroView> {
  const m = MacroInput.parse(input)
  assertKnownVariables(m.body, 'body.body')
  const row = await db
    .insertInto('macros')
    .values({ workspace_id: actor.workspaceId, id: newId(), ...toRow(m) })
    .onConflict((oc) => oc.columns(['workspace_id', 'name']).doNothing())
    .returningAll()
    .executeTakeFirst()
  if (!row) throw new ServiceError('NAME_TAKEN', `a macro named ${m.name} exists`)
  const view = toView(row)
  await recordAudit(db, actor, {
    action: 'macro.created',
    entityType: 'macro',
    entityId: row.id,
    after: view,
  })
  return view
}

export async function updateMacro(
  db: Executor,
  actor: Actor,
  id: string,
  input: MacroInput,
): Promise<MacroView> {
  const m = MacroInput.parse(input)
  const before = await getMacro(db, actor.workspaceId, id)
  assertKnownVariables(m.body, 'body.body')
  const clash = await db
    .selectFrom('macros')
    .select('id')
    .where('workspace_id', '=', actor.workspaceId)
    .where('name', '=', m.name)
    .where('id', '!=', before.id)
    .executeTakeFirst()
  if (clash) throw new ServiceError('NAME_TAKEN', `a macro named ${m.name} exists`)
  const row = await db
    .updateTable('macros')
    .set({ ...toRow(m), updated_at: new Date() })
    .where('workspace_id', '=', actor.workspaceId)
    .where('id', '=', before.id)
    .returningAll()
    .executeTakeFirstOrThrow()
  const after = toView(row)
  await recordAudit(db, actor, { action: 'macro.updated', entityType: 'macro', entityId: id, before, after })
  return after
}

export async function deleteMacro(db: Executor, actor: Actor, id: string): Promise<void> {
  const before = await getMacro(db, actor.workspaceId, id)
  await db
    .deleteFrom('macros')
    .where('workspace_id', '=', actor.workspaceId)
    .where('id', '=', before.id)
    .execute()
  await recordAudit(db, actor, { action: 'macro.deleted', entityType: 'macro', entityId: id, before })
}

export const RenderedMacroView = z.object({
  body: z.string(),
  visibility: z.enum(['public', 'internal']),
  setStatus: CaseStatus.nullable(),
})

/** A macro filled in for one case and the agent asking: a preview before sending. */
export async function renderMacroForCase(db: Executor, actor: Actor, caseId: string, macroId: string) {
  const c = await getCase(db, actor.workspaceId, caseId)
  const macro = await getMacro(db, actor.workspaceId, macroId)
  const values = await macroValues(db, actor, {
    number: c.number,
    subject: c.subject,
    customer_id: c.requester.customerId,
    department: c.requester.department,
  })
  return { body: renderMacro(macro.body, values), visibility: macro.visibility, setStatus: macro.setStatus }
}
