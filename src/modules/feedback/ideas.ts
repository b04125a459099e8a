import { sql } from 'kysely'
import { z } from 'zod'
import type { Executor } from '../../db/database.js'
import { findOwned } from '../../db/find-owned.js'
import { newId } from '../../db/ids.js'
import { type Actor, recordAudit } from '../platform/index.js'
import { FeedbackError } from './feedback.errors.js'

export const IDEA_STATUSES = ['new', 'planned', 'in_progress', 'done', 'declined'] as const

export const IdeaView = z.object({
  id: z.uuid(),
  title: z.string(),
  status: z.enum(IDEA_STATUSES),
  askedBy: z.array(z.object({ customerId: z.uuid(), customerName: z.string(), responseId: z.uuid() })),
  createdAt: z.date(),
  updatedAt: z.date(),
})
export type IdeaView = z.infer<typeof IdeaView>

export const TagIdeaInput = z.object({
  ideaId: z.uuid().optional().describe('Add this answer to an existing idea'),
  title: z.string().trim().min(1).max(200).optional().describe('Or file it under a new (or same-named) idea'),
})
export type TagIdeaInput = z.input<typeof TagIdeaInput>

export const UpdateIdeaInput = z.object({ status: z.enum(IDEA_STATUSES) })

/** The idea titled `title` (created when new). Titles are unique per workspace. */
export async function ensureIdea(db: Executor, workspaceId: string, title: string): Promise<string> {
  const { rows } = await sql<{ id: string }>`
    INSERT INTO ideas (workspace_id, id, title) VALUES (${workspaceId}, ${newId()}, ${title})
    ON CONFLICT (workspace_id, title) DO UPDATE SET updated_at = ideas.updated_at
    RETURNING id`.execute(db)
  return rows[0]!.id
}

/** The first keyword rule a comment matches (case-insensitive), if any. */
export function matchIdeaKeyword(comment: string | null, keywords: readonly string[]): string | undefined {
  if (!comment) return undefined
  const text = comment.toLowerCase()
  return keywords.find((k) => text.includes(k.toLowerCase()))
}

/** A title for an idea filed by a keyword rule: the comment's first sentence, shortened. */
export const ideaTitleFrom = (comment: string) =>
  (comment.split(/(?<=[.!?])\s/)[0] ?? comment).trim().slice(0, 120)

/** An agent files an answer's comment as an idea (new or existing). */
export async function tagResponseAsIdea(db: Executor, actor: Actor, responseId: string, input: TagIdeaInput) {
  const s = TagIdeaInput.parse(input)
  const response = await findOwned(db, 'survey_responses', actor.workspaceId, responseId)
  if (!response) throw new FeedbackError('RESPONSE_NOT_FOUND', `answer ${responseId} not found`)
  let ideaId = s.ideaId
  if (ideaId && !(await findOwned(db, 'ideas', actor.workspaceId, ideaId)))
    throw new FeedbackError('UNKNOWN_REFERENCE', 'no such idea', {
      fields: [{ path: 'ideaId', message: 'no such idea' }],
    })
  if ((s.ideaId === undefined) === (s.title === undefined))
    throw new FeedbackError('INVALID_INPUT', 'give exactly one of ideaId and title', {
      fields: [{ path: 'body.title', message: 'give exactly one of ideaId and title' }],
    })
  ideaId ??= await ensureIdea(db, actor.workspaceId, s.title as string)
  await db
    .updateTable('survey_responses')
    .set({ idea_id: ideaId })
    .where('workspace_id', '=', actor.workspaceId)
    .where('id', '=', response.id)
    .execute()
  await recordAudit(db, actor, {
    action: 'feedback.idea_tagged',
    entityType: 'survey_response',
    entityId: response.id,
    after: { ideaId },
  })
  return getIdea(db, actor.workspaceId, ideaId)
}

export const IdeasQuery = z.object({ status: z.enum(IDEA_STATUSES).optional() })

/** The ideas inbox: most-asked first, each with the customers who asked. */
export async function listIdeas(
  db: Executor,
  workspaceId: string,
  filter: { status?: IdeaView['status']; id?: string } = {},
): Promise<IdeaView[]> {
  let q = db.selectFrom('ideas').selectAll().where('workspace_id', '=', workspaceId)
  if (filter.status) q = q.where('status', '=', filter.status)
  if (filter.id) q = q.where('id', '=', filter.id)
  const ideas = await q.orderBy('updated_at', 'desc').orderBy('id').limit(500).execute()
  if (ideas.length === 0) return []
  const askers = await db
    .selectFrom('survey_responses as r')
    .innerJoin('customers as c', (j) =>
      j.onRef('c.workspace_id', '=', 'r.workspace_id').onRef('c.id', '=', 'r.customer_id'),
    )
    .select(['r.idea_id', 'r.id as responseId', 'c.id as customerId', 'c.name as customerName'])
    .where('r.workspace_id', '=', workspaceId)
    .where(
      'r.idea_id',
      'in',
      ideas.map((i) => i.id),
    )
    .orderBy('r.answered_at')
    .execute()
  return ideas
    .map((i) => ({
      id: i.id,
      title: i.title,
      status: i.status,
      askedBy: askers
        .filter((a) => a.idea_id === i.id)
        .map(({ responseId, customerId, customerName }) => ({ responseId, customerId, customerName })),
      createdAt: i.created_at,
      updatedAt: i.updated_at,
    }))
    .sort((a, b) => b.askedBy.length - a.askedBy.length)
}

export async function getIdea(db: Executor, workspaceId: string, id: string): Promise<IdeaView> {
  const row = await findOwned(db, 'ideas', workspaceId, id)
  if (!row) throw new FeedbackError('IDEA_NOT_FOUND', `idea ${id} not found`)
  const [view] = await listIdeas(db, workspaceId, { id: row.id })
  return view!
}

export async function updateIdea(
  db: Executor,
  actor: Actor,
  id: string,
  input: z.input<typeof UpdateIdeaInput>,
) {
  const s = UpdateIdeaInput.parse(input)
  const before = await getIdea(db, actor.workspaceId, id)
  await db
    .updateTable('ideas')
    .set({ status: s.status, updated_at: new Date() })
    .where('workspace_id', '=', actor.workspaceId)
    .where('id', '=', before.id)
    .execute()
  await recordAudit(db, actor, {
    action: 'feedback.idea_updated',
    entityType: 'idea',
    entityId: before.id,
    before: { status: before.status },
    after: { status: s.status },
  })
  return getIdea(db, actor.workspaceId, before.id)
}
