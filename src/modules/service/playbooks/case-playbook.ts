import { z } from 'zod'
import type { Executor } from '../../../db/database.js'
import { type Actor, recordAudit } from '../../platform/index.js'
import { recordCaseEvent } from '../cases/case-events.js'
import { getCase, lockCase } from '../cases/case-view.js'
import { ServiceError } from '../service.errors.js'
import { withTransaction } from '../with-transaction.js'
import { type PlaybookStep, playbookForCategory } from './playbook-gate.js'

export const CasePlaybookView = z.object({
  playbookId: z.uuid().nullable().describe("Null when the case's category has no active playbook"),
  name: z.string().nullable(),
  steps: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      kind: z.enum(['check', 'say', 'do']),
      body: z.string().nullable(),
      required: z.boolean(),
      done: z.boolean(),
      doneAt: z.date().nullable(),
      doneBy: z.uuid().nullable(),
    }),
  ),
  requiredRemaining: z.number().int().describe('Required steps not done yet: resolving waits for them'),
})
export type CasePlaybookView = z.infer<typeof CasePlaybookView>

/** The playbook of the case's category with this case's progress. */
export async function getCasePlaybook(
  db: Executor,
  workspaceId: string,
  caseId: string,
): Promise<CasePlaybookView> {
  const c = await getCase(db, workspaceId, caseId)
  const playbook = await playbookForCategory(db, workspaceId, c.category)
  if (!playbook) return { playbookId: null, name: null, steps: [], requiredRemaining: 0 }
  const done = new Map(
    (
      await db
        .selectFrom('case_playbook_steps')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('case_id', '=', c.id)
        .execute()
    ).map((r) => [r.step_id, r]),
  )
  const steps = (playbook.steps as PlaybookStep[]).map((s) => ({
    ...s,
    done: done.has(s.id),
    doneAt: done.get(s.id)?.done_at ?? null,
    doneBy: done.get(s.id)?.done_by ?? null,
  }))
  return {
    playbookId: playbook.id,
    name: playbook.name,
    steps,
    requiredRemaining: steps.filter((s) => s.required && !s.done).length,
  }
}

export const MarkStepInput = z.object({ done: z.boolean().default(true) })

/** Ticks (or unticks) a step of the case's playbook. */
export async function markPlaybookStep(
  db: Executor,
  actor: Actor,
  caseId: string,
  stepId: string,
  input: z.input<typeof MarkStepInput>,
  opts: { now?: Date } = {},
): Promise<CasePlaybookView> {
  const { done } = MarkStepInput.parse(input)
  const now = opts.now ?? new Date()
  const ws = actor.workspaceId
  return withTransaction(db, async (trx) => {
    const c = await lockCase(trx, ws, caseId)
    const playbook = await playbookForCategory(trx, ws, c.category)
    const step = (playbook?.steps as PlaybookStep[] | undefined)?.find((s) => s.id === stepId)
    if (!step)
      throw new ServiceError('PLAYBOOK_STEP_NOT_FOUND', `step ${stepId} is not in this case's playbook`)
    if (done)
      await trx
        .insertInto('case_playbook_steps')
        .values({ workspace_id: ws, case_id: c.id, step_id: step.id, done_by: actor.userId, done_at: now })
        .onConflict((oc) => oc.columns(['workspace_id', 'case_id', 'step_id']).doNothing())
        .execute()
    else
      await trx
        .deleteFrom('case_playbook_steps')
        .where('workspace_id', '=', ws)
        .where('case_id', '=', c.id)
        .where('step_id', '=', step.id)
        .execute()
    await recordCaseEvent(trx, actor, c, {
      type: 'case.playbook_step',
      summary: `Case #${c.number}: ${done ? 'done' : 'undone'}: ${step.title}`,
      data: { playbookId: playbook!.id, stepId: step.id, done },
      at: now,
    })
    const view = await getCasePlaybook(trx, ws, c.id)
    await recordAudit(trx, actor, {
      action: 'case.playbook_step',
      entityType: 'case',
      entityId: c.id,
      after: { stepId, done },
    })
    return view
  })
}
