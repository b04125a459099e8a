import { sql } from 'kysely'
import { z } from 'zod'
import type { Executor } from '../../../db/database.js'
import { decodeCursor, type Page, PageQuery, toPage } from '../../../shared/pagination.js'
import type { Actor } from '../../platform/index.js'

export const ALERT_TYPES = [
  'case.sla_warning',
  'case.sla_breached',
  'case.escalated',
  'case.callback_missed',
] as const

export const AlertsQuery = z.object({
  ...PageQuery.shape,
  mine: z.enum(['true', 'false']).optional().describe('Only alerts addressed to you (signed-in users)'),
  since: z.iso.datetime({ offset: true }).optional(),
})
export type AlertsQuery = z.infer<typeof AlertsQuery>

export const AlertView = z.object({
  id: z.uuid(),
  type: z.enum(ALERT_TYPES),
  caseId: z.uuid(),
  caseNumber: z.number().int(),
  subject: z.string(),
  summary: z.string(),
  notify: z.array(z.uuid()).describe('The people this alert is addressed to'),
  occurredAt: z.date(),
})
export type AlertView = z.infer<typeof AlertView>

/**
 * SLA warnings, breaches, escalations and missed callbacks, newest first: the managers' feed
 * until the notifications module delivers them by mail.
 */
export async function listAlerts(db: Executor, actor: Actor, q: AlertsQuery): Promise<Page<AlertView>> {
  let qb = db
    .selectFrom('case_events as e')
    .innerJoin('cases as c', (j) =>
      j.onRef('c.workspace_id', '=', 'e.workspace_id').onRef('c.id', '=', 'e.case_id'),
    )
    .select(['e.id', 'e.type', 'e.case_id', 'c.number', 'c.subject', 'e.summary', 'e.data', 'e.occurred_at'])
    .where('e.workspace_id', '=', actor.workspaceId)
    .where('e.type', 'in', [...ALERT_TYPES])
  if (q.since) qb = qb.where('e.occurred_at', '>=', new Date(q.since))
  if (q.mine === 'true') qb = qb.where(sql<boolean>`e.data -> 'notify' ? ${actor.userId ?? ''}`)
  if (q.cursor) qb = qb.where('e.id', '<', String(decodeCursor(q.cursor, 1)[0]))
  const rows = await qb
    .orderBy('e.id', 'desc')
    .limit(q.limit + 1)
    .execute()
  return toPage(
    rows,
    q.limit,
    (r) => [r.id],
    (r) => ({
      id: r.id,
      type: r.type as AlertView['type'],
      caseId: r.case_id,
      caseNumber: r.number,
      subject: r.subject,
      summary: r.summary,
      notify: Array.isArray(r.data.notify) ? (r.data.notify as string[]) : [],
      occurredAt: r.occurred_at,
    }),
  )
}
