import { randomBytes } from 'node:crypto'
import { sql } from 'kysely'
import { z } from 'zod'
import type { Executor, Row } from '../../../db/database.js'
import { findOwned } from '../../../db/find-owned.js'
import { newId } from '../../../db/ids.js'
import { type Actor, recordAudit } from '../../platform/index.js'
import { Category } from '../cases/case.constants.js'
import { ServiceError } from '../service.errors.js'
import type { PlaybookStep } from './playbook-gate.js'

const StepInput = z.object({
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'lower-case letters, digits and -')
    .optional()
    .describe("Keep a step's id when editing, so progress on open cases stays with it"),
  title: z.string().trim().min(1).max(200),
  kind: z.enum(['check', 'say', 'do']).describe('What to check, what to say, what to do'),
  body: z.string().trim().max(5000).nullable().default(null),
  required: z.boolean().default(false).describe('Must be done before the case can be resolved'),
})

export const PlaybookInput = z.object({
  name: z.string().trim().min(1).max(100),
  category: Category.describe('Cases of this category follow the playbook (one playbook per category)'),
  steps: z
    .array(StepInput)
    .min(1)
    .max(50)
    .refine(
      (steps) =>
        new Set(steps.filter((s) => s.id).map((s) => s.id)).size === steps.filter((s) => s.id).length,
      'step ids must be unique',
    ),
  active: z.boolean().default(true),
})
export type PlaybookInput = z.input<typeof PlaybookInput>

const StepView = z.object({
  id: z.string(),
  title: z.string(),
  kind: z.enum(['check', 'say', 'do']),
  body: z.string().nullable(),
  required: z.boolean(),
})
export const PlaybookView = z.object({
  id: z.uuid(),
  name: z.string(),
  category: z.string(),
  steps: z.array(StepView),
  active: z.boolean(),
  createdAt: z.date(),
  updatedAt: z.date(),
})
export type PlaybookView = z.infer<typeof PlaybookView>

export const toPlaybookView = (r: Row<'playbooks'>): PlaybookView => ({
  id: r.id,
  name: r.name,
  category: r.category,
  steps: r.steps as PlaybookStep[],
  active: r.active,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
})

const withIds = (steps: z.infer<typeof StepInput>[]): PlaybookStep[] =>
  steps.map((s) => ({ ...s, id: s.id ?? `s-${randomBytes(4).toString('hex')}` }))

export async function listPlaybooks(db: Executor, workspaceId: string): Promise<PlaybookView[]> {
  const rows = await db
    .selectFrom('playbooks')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .orderBy('category')
    .execute()
  return rows.map(toPlaybookView)
}

export async function getPlaybook(db: Executor, workspaceId: string, id: string): Promise<PlaybookView> {
  const row = await findOwned(db, 'playbooks', workspaceId, id)
  if (!row) throw new ServiceError('PLAYBOOK_NOT_FOUND', `playbook ${id} not found`)
  return toPlaybookView(row)
}

/** Categories compare case-insensitively: "Repairs" and "repairs" are one category. */
async function assertCategoryFree(db: Executor, workspaceId: string, category: string, except?: string) {
  const clash = await db
    .selectFrom('playbooks')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where(sql<boolean>`lower(category) = ${category.toLowerCase()}`)
    .$if(except !== undefined, (qb) => qb.where('id', '!=', except as string))
    .executeTakeFirst()
  if (clash) throw new ServiceError('NAME_TAKEN', `category ${category} has a playbook already`)
}

export async function createPlaybook(
  db: Executor,
  actor: Actor,
  input: PlaybookInput,
): Promise<PlaybookView> {
  const p = PlaybookInput.parse(input)
  await assertCategoryFree(db, actor.workspaceId, p.category)
  const row = await db
    .insertInto('playbooks')
    .values({
      workspace_id: actor.workspaceId,
      id: newId(),
      name: p.name,
      category: p.category,
      steps: JSON.stringify(withIds(p.steps)),
      active: p.active,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
  const view = toPlaybookView(row)
  await recordAudit(db, actor, {
    action: 'playbook.created',
    entityType: 'playbook',
    entityId: row.id,
    after: view,
  })
  return view
}

/** Replaces a playbook. Steps that keep their id keep the progress open cases made on them. */
export async function updatePlaybook(
  db: Executor,
  actor: Actor,
  id: string,
  input: PlaybookInput,
): Promise<PlaybookView> {
  const p = PlaybookInput.parse(input)
  const before = await getPlaybook(db, actor.workspaceId, id)
  await assertCategoryFree(db, actor.workspaceId, p.category, before.id)
  const row = await db
    .updateTable('playbooks')
    .set({
      name: p.name,
      category: p.category,
      steps: JSON.stringify(withIds(p.steps)),
      active: p.active,
      updated_at: new Date(),
    })
    .where('workspace_id', '=', actor.workspaceId)
    .where('id', '=', before.id)
    .returningAll()
    .executeTakeFirstOrThrow()
  const after = toPlaybookView(row)
  await recordAudit(db, actor, {
    action: 'playbook.updated',
    entityType: 'playbook',
    entityId: id,
    before,
    after,
  })
  return after
}

export async function deletePlaybook(db: Executor, actor: Actor, id: string): Promise<void> {
  const before = await getPlaybook(db, actor.workspaceId, id)
  await db
    .deleteFrom('playbooks')
    .where('workspace_id', '=', actor.workspaceId)
    .where('id', '=', before.id)
    .execute()
  await recordAudit(db, actor, { action: 'playbook.deleted', entityType: 'playbook', entityId: id, before })
}
