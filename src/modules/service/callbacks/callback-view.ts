import { z } from 'zod'
import type { Executor } from '../../../db/database.js'
import { isUuid } from '../../../db/ids.js'
import { ServiceError } from '../service.errors.js'

export const CALLBACK_STATUSES = ['scheduled', 'completed', 'missed', 'cancelled'] as const

export const CallbackView = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  caseNumber: z.number().int(),
  subject: z.string(),
  customerId: z.uuid().nullable(),
  customerName: z.string().nullable(),
  phone: z.string(),
  teamId: z.uuid().nullable(),
  assigneeId: z.uuid().nullable(),
  slotStart: z.date().describe('The promised window starts'),
  slotEnd: z.date().describe('… and ends: a call after this is a missed promise (an SLA breach)'),
  bookedBy: z.enum(['agent', 'customer']),
  status: z.enum(CALLBACK_STATUSES),
  note: z.string().nullable(),
  outcome: z.string().nullable(),
  completedAt: z.date().nullable(),
  createdAt: z.date(),
})
export type CallbackView = z.infer<typeof CallbackView>

export function selectCallbacks(db: Executor, workspaceId: string) {
  return db
    .selectFrom('case_callbacks as b')
    .innerJoin('cases as c', (j) =>
      j.onRef('c.workspace_id', '=', 'b.workspace_id').onRef('c.id', '=', 'b.case_id'),
    )
    .leftJoin('customers as cu', (j) =>
      j.onRef('cu.workspace_id', '=', 'b.workspace_id').onRef('cu.id', '=', 'b.customer_id'),
    )
    .selectAll('b')
    .select(['c.number', 'c.subject', 'cu.name as customer_name'])
    .where('b.workspace_id', '=', workspaceId)
}
type CallbackRow = Awaited<ReturnType<ReturnType<typeof selectCallbacks>['executeTakeFirstOrThrow']>>

export const toCallbackView = (r: CallbackRow): CallbackView => ({
  id: r.id,
  caseId: r.case_id,
  caseNumber: r.number,
  subject: r.subject,
  customerId: r.customer_id,
  customerName: r.customer_name,
  phone: r.phone,
  teamId: r.team_id,
  assigneeId: r.assignee_id,
  slotStart: r.slot_start,
  slotEnd: r.slot_end,
  bookedBy: r.booked_by,
  status: r.status,
  note: r.note,
  outcome: r.outcome,
  completedAt: r.completed_at,
  createdAt: r.created_at,
})

export async function getCallback(db: Executor, workspaceId: string, id: string): Promise<CallbackView> {
  const row = isUuid(id)
    ? await selectCallbacks(db, workspaceId).where('b.id', '=', id).executeTakeFirst()
    : undefined
  if (!row) throw new ServiceError('CALLBACK_NOT_FOUND', `callback ${id} not found`)
  return toCallbackView(row)
}
