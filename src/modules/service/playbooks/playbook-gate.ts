import type { Executor } from '../../../db/database.js'
import { ServiceError } from '../service.errors.js'

export interface PlaybookStep {
  id: string
  title: string
  kind: 'check' | 'say' | 'do'
  body: string | null
  required: boolean
}

/** The active playbook for a category (categories compare case-insensitively), if there is one. */
export async function playbookForCategory(db: Executor, workspaceId: string, category: string | null) {
  if (!category) return undefined
  return db
    .selectFrom('playbooks')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where((eb) => eb(eb.fn('lower', ['category']), '=', category.toLowerCase()))
    .where('active', '=', true)
    .executeTakeFirst()
}

/** Refuses to resolve a case while required steps of its category's playbook are not done (422). */
export async function assertPlaybookComplete(
  db: Executor,
  workspaceId: string,
  c: { id: string; number: number; category: string | null },
): Promise<void> {
  const playbook = await playbookForCategory(db, workspaceId, c.category)
  const required = ((playbook?.steps ?? []) as PlaybookStep[]).filter((s) => s.required)
  if (required.length === 0) return
  const done = new Set(
    (
      await db
        .selectFrom('case_playbook_steps')
        .select('step_id')
        .where('workspace_id', '=', workspaceId)
        .where('case_id', '=', c.id)
        .execute()
    ).map((r) => r.step_id),
  )
  const missing = required.filter((s) => !done.has(s.id))
  if (missing.length === 0) return
  throw new ServiceError(
    'PLAYBOOK_INCOMPLETE',
    `case #${c.number} cannot be resolved before the required playbook steps are done: ${missing.map((s) => s.title).join('; ')}`,
    { fields: missing.map((s) => ({ path: `playbook.steps.${s.id}`, message: `required: ${s.title}` })) },
  )
}
