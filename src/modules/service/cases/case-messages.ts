import { z } from 'zod'
import type { Executor } from '../../../db/database.js'
import { findOwned } from '../../../db/find-owned.js'
import { newId } from '../../../db/ids.js'
import { decodeCursor, type Page, type PageQuery, toPage } from '../../../shared/pagination.js'
import { type Actor, recordAudit } from '../../platform/index.js'
import { answerChanges, customerWroteChanges, endPause, reopenChanges } from '../case-sla/clock-stops.js'
import { type CaseChanges, saveCase } from '../case-sla/save-case.js'
import { loadSlaContext } from '../case-sla/sla-context.js'
import { macroValues, renderMacro } from '../macros/render-macro.js'
import { ServiceError } from '../service.errors.js'
import { withTransaction } from '../with-transaction.js'
import { recordCaseEvent } from './case-events.js'
import { getCase, lockCase } from './case-view.js'
import { transitionCase } from './change-case-status.js'

export const PostCaseMessageInput = z
  .object({
    visibility: z
      .enum(['public', 'internal'])
      .default('public')
      .describe('public: a reply the customer sees; internal: a note'),
    author: z
      .enum(['agent', 'customer'])
      .default('agent')
      .describe('customer: a message received from the customer (email, chat, phone notes)'),
    body: z.string().trim().min(1).max(50_000).optional().describe('Required unless a macro gives it'),
    macroId: z.uuid().optional().describe("Uses the macro's text (variables filled), visibility and status"),
  })
  .refine((m) => m.body !== undefined || m.macroId !== undefined, {
    path: ['body'],
    message: 'give a body or a macroId',
  })
  .refine((m) => m.author === 'agent' || m.visibility === 'public', {
    path: ['visibility'],
    message: 'customer messages are public',
  })
export type PostCaseMessageInput = z.input<typeof PostCaseMessageInput>

export const CaseMessageView = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  visibility: z.enum(['public', 'internal']),
  author: z.enum(['agent', 'customer', 'system']),
  authorUserId: z.uuid().nullable(),
  authorName: z.string().nullable(),
  body: z.string(),
  macroId: z.uuid().nullable(),
  createdAt: z.date(),
})
export type CaseMessageView = z.infer<typeof CaseMessageView>

function selectMessages(db: Executor, workspaceId: string) {
  return db
    .selectFrom('case_messages as m')
    .leftJoin('users as u', (j) =>
      j.onRef('u.workspace_id', '=', 'm.workspace_id').onRef('u.id', '=', 'm.author_user_id'),
    )
    .selectAll('m')
    .select('u.name as author_name')
    .where('m.workspace_id', '=', workspaceId)
}
type MessageRow = Awaited<ReturnType<ReturnType<typeof selectMessages>['executeTakeFirstOrThrow']>>
const toView = (r: MessageRow): CaseMessageView => ({
  id: r.id,
  caseId: r.case_id,
  visibility: r.visibility,
  author: r.author_kind,
  authorUserId: r.author_user_id,
  authorName: r.author_name,
  body: r.body,
  macroId: r.macro_id,
  createdAt: r.created_at,
})

/** The conversation, oldest first. */
export async function listCaseMessages(
  db: Executor,
  workspaceId: string,
  caseId: string,
  query: PageQuery,
): Promise<Page<CaseMessageView>> {
  const c = await getCase(db, workspaceId, caseId)
  let qb = selectMessages(db, workspaceId).where('m.case_id', '=', c.id)
  if (query.cursor) qb = qb.where('m.id', '>', String(decodeCursor(query.cursor, 1)[0]))
  const rows = await qb
    .orderBy('m.id')
    .limit(query.limit + 1)
    .execute()
  return toPage(rows, query.limit, (r) => [r.id], toView)
}

/**
 * Adds to the conversation. An agent's public reply answers the customer (first or next
 * response) and opens a new case; a customer's message resumes a case waiting on them, reopens a
 * resolved one and makes the next answer due. A closed case takes internal notes only.
 */
export async function postCaseMessage(
  db: Executor,
  actor: Actor,
  caseId: string,
  input: PostCaseMessageInput,
  opts: { now?: Date } = {},
): Promise<CaseMessageView> {
  const m = PostCaseMessageInput.parse(input)
  const now = opts.now ?? new Date()
  return withTransaction(db, async (trx) => {
    let c = await lockCase(trx, actor.workspaceId, caseId)
    const before = c
    const macro = m.macroId ? await findOwned(trx, 'macros', actor.workspaceId, m.macroId) : undefined
    if (m.macroId && !macro) throw new ServiceError('MACRO_NOT_FOUND', `macro ${m.macroId} not found`)
    const visibility = m.body === undefined && macro ? macro.visibility : m.visibility
    const body = m.body ?? renderMacro(macro!.body, await macroValues(trx, actor, c))
    const isPublic = visibility === 'public'
    if (c.status === 'closed' && isPublic)
      throw new ServiceError('CASE_CLOSED', `case #${c.number} is closed: add an internal note, or reopen it`)
    const id = newId()
    await trx
      .insertInto('case_messages')
      .values({
        workspace_id: actor.workspaceId,
        id,
        case_id: c.id,
        visibility,
        author_kind: m.author,
        author_user_id: m.author === 'agent' ? actor.userId : null,
        author_token_id: m.author === 'agent' ? actor.tokenId : null,
        body,
        macro_id: macro?.id ?? null,
        created_at: now,
      })
      .execute()
    if (isPublic) {
      const ctx = await loadSlaContext(trx, actor.workspaceId, c)
      let changes: CaseChanges = {}
      if (m.author === 'agent') {
        changes = answerChanges(c, now, ctx)
        if (c.status === 'new') changes.status = 'open'
      } else if (c.status === 'resolved') changes = { status: 'open', ...reopenChanges(c, now) }
      else if (c.status === 'waiting_on_customer') changes = { status: 'open', ...endPause(c, now) }
      if (m.author === 'customer')
        changes = { ...changes, ...customerWroteChanges({ ...c, ...changes }, now) }
      c = (await saveCase(trx, c, changes, now, { ctx })).row
    }
    if (isPublic && m.author === 'customer' && c.reopened_count > before.reopened_count)
      await recordCaseEvent(trx, actor, c, {
        type: 'case.reopened',
        summary: `Case #${c.number} reopened by a message from the customer`,
        data: { from: 'resolved', to: 'open', reason: 'customer message' },
        at: now,
      })
    const kind = !isPublic ? 'note_added' : m.author === 'agent' ? 'replied' : 'customer_message'
    await recordCaseEvent(trx, actor, c, {
      type: `case.${kind}`,
      summary: `Case #${c.number}: ${kind === 'note_added' ? 'internal note' : kind === 'replied' ? 'reply sent' : 'message from the customer'}`,
      data: { messageId: id, macroId: macro?.id ?? null, excerpt: body.slice(0, 140) },
      at: now,
    })
    if (macro?.set_status && macro.set_status !== c.status)
      c = await transitionCase(trx, actor, c, macro.set_status, now)
    const view = toView(
      await selectMessages(trx, actor.workspaceId).where('m.id', '=', id).executeTakeFirstOrThrow(),
    )
    await recordAudit(trx, actor, {
      action: 'case.message_posted',
      entityType: 'case',
      entityId: c.id,
      after: view,
    })
    return view
  })
}
