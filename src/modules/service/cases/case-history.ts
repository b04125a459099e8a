import { z } from 'zod'
import type { Executor } from '../../../db/database.js'
import { decodeCursor, type Page, type PageQuery, toPage } from '../../../shared/pagination.js'
import { getCase } from './case-view.js'

export const CaseEventView = z.object({
  id: z.uuid(),
  type: z.string(),
  summary: z.string(),
  data: z.record(z.string(), z.unknown()),
  actorUserId: z.uuid().nullable(),
  actorTokenId: z.uuid().nullable(),
  occurredAt: z.date(),
})
export type CaseEventView = z.infer<typeof CaseEventView>

/** Everything that happened to a case, in the order it was recorded. */
export async function listCaseHistory(
  db: Executor,
  workspaceId: string,
  caseId: string,
  query: PageQuery,
): Promise<Page<CaseEventView>> {
  const c = await getCase(db, workspaceId, caseId)
  let qb = db
    .selectFrom('case_events')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('case_id', '=', c.id)
  if (query.cursor) qb = qb.where('id', '>', String(decodeCursor(query.cursor, 1)[0]))
  const rows = await qb
    .orderBy('id')
    .limit(query.limit + 1)
    .execute()
  return toPage(
    rows,
    query.limit,
    (r) => [r.id],
    (r) => ({
      id: r.id,
      type: r.type,
      summary: r.summary,
      data: r.data,
      actorUserId: r.actor_user_id,
      actorTokenId: r.actor_token_id,
      occurredAt: r.occurred_at,
    }),
  )
}
