import { z } from 'zod'
import type { Executor } from '../../db/database.js'
import { isUuid } from '../../db/ids.js'
import { type Page, PageQuery, toPage } from '../../shared/pagination.js'
import { type Actor, roleRank } from '../platform/index.js'
import { type ApprovalView, selectApprovals, toApprovalView } from './approval-view.js'
import { EmpowermentError } from './empowerment.errors.js'
import { idFromCursor } from './id-cursor.js'

export const ListApprovalsQuery = z.object({
  ...PageQuery.shape,
  status: z.enum(['pending', 'approved', 'denied', 'expired']).optional(),
  customer: z.uuid().optional(),
  forMe: z
    .enum(['true', 'false'])
    .optional()
    .describe('true: only the pending requests routed to a role the caller may decide'),
})
export type ListApprovalsQuery = z.infer<typeof ListApprovalsQuery>

/** Approval requests, newest first; `forMe` makes it the approver's inbox. */
export async function listApprovals(
  db: Executor,
  actor: Actor,
  query: ListApprovalsQuery,
): Promise<Page<ApprovalView>> {
  let qb = selectApprovals(db, actor.workspaceId)
  const now = new Date()
  if (query.status === 'expired')
    qb = qb.where((eb) =>
      eb.or([
        eb('r.status', '=', 'expired'),
        eb.and([eb('r.status', '=', 'pending'), eb('r.expires_at', '<=', now)]),
      ]),
    )
  else if (query.status === 'pending')
    qb = qb.where('r.status', '=', 'pending').where('r.expires_at', '>', now)
  else if (query.status) qb = qb.where('r.status', '=', query.status)
  if (query.customer) qb = qb.where('r.customer_id', '=', query.customer)
  if (query.forMe === 'true') {
    const roles = (['manager', 'admin'] as const).filter((r) => roleRank(actor.role) >= roleRank(r))
    if (roles.length === 0) return { items: [], nextCursor: null }
    qb = qb
      .where('r.status', '=', 'pending')
      .where('r.expires_at', '>', now)
      .where('r.route_to_role', 'in', roles)
    if (actor.userId)
      qb = qb.where((eb) =>
        eb.or([eb('r.requested_by', 'is', null), eb('r.requested_by', '<>', actor.userId)]),
      )
  }
  if (query.cursor) qb = qb.where('r.id', '<', idFromCursor(query.cursor))
  const rows = await qb
    .orderBy('r.id', 'desc')
    .limit(query.limit + 1)
    .execute()
  return toPage(rows, query.limit, (r) => [r.id], toApprovalView)
}

export async function getApproval(db: Executor, workspaceId: string, id: string): Promise<ApprovalView> {
  const row = isUuid(id)
    ? await selectApprovals(db, workspaceId).where('r.id', '=', id).executeTakeFirst()
    : undefined
  if (!row) throw new EmpowermentError('APPROVAL_NOT_FOUND', `approval ${id} not found`)
  return toApprovalView(row)
}
