import { sql } from 'kysely'
import { z } from 'zod'
import type { Executor } from '../../db/database.js'
import { type Page, PageQuery, toPage } from '../../shared/pagination.js'
import { idFromCursor } from './id-cursor.js'
import { grantsOfCustomer } from './ledger-customer.queries.js'
import { type LedgerEntryView, selectLedger, toLedgerView } from './ledger-view.js'

export const LedgerQuery = z.object({
  ...PageQuery.shape,
  customer: z.uuid().optional(),
  agent: z.uuid().optional().describe('User id of the agent'),
  case: z.uuid().optional(),
  actionType: z.uuid().optional(),
  tier: z.string().trim().min(1).max(60).optional().describe('Customer tier at the time of the grant'),
  kind: z.enum(['grant', 'reversal']).optional(),
  approved: z.enum(['true', 'false']).optional().describe('true: only grants made through an approval'),
  since: z.iso.datetime({ offset: true }).optional(),
  until: z.iso.datetime({ offset: true }).optional(),
})
export type LedgerQuery = z.infer<typeof LedgerQuery>

function filtered(db: Executor, workspaceId: string, q: Omit<LedgerQuery, 'limit' | 'cursor'>) {
  let qb = selectLedger(db, workspaceId)
  if (q.customer) qb = qb.where(grantsOfCustomer(workspaceId, q.customer, sql.ref('g.granted_customer_id')))
  if (q.agent) qb = qb.where('g.agent_user_id', '=', q.agent)
  if (q.case) qb = qb.where('g.case_id', '=', q.case)
  if (q.actionType) qb = qb.where('g.action_type_id', '=', q.actionType)
  if (q.tier) qb = qb.where('g.customer_tier', '=', q.tier)
  if (q.kind) qb = qb.where('g.entry_kind', '=', q.kind)
  if (q.approved) qb = qb.where('g.approval_id', q.approved === 'true' ? 'is not' : 'is', null)
  if (q.since) qb = qb.where('g.occurred_at', '>=', new Date(q.since))
  if (q.until) qb = qb.where('g.occurred_at', '<', new Date(q.until))
  return qb
}

/** Ledger entries, newest first, with filters and keyset pages. */
export async function listLedger(
  db: Executor,
  workspaceId: string,
  query: LedgerQuery,
): Promise<Page<LedgerEntryView>> {
  let qb = filtered(db, workspaceId, query)
  if (query.cursor) qb = qb.where('g.id', '<', idFromCursor(query.cursor))
  const rows = await qb
    .orderBy('g.id', 'desc')
    .limit(query.limit + 1)
    .execute()
  return toPage(rows, query.limit, (r) => [r.id], toLedgerView)
}

const CSV_COLUMNS = [
  'id',
  'occurredAt',
  'entryKind',
  'reversesId',
  'customerId',
  'customerName',
  'customerTier',
  'caseId',
  'actionName',
  'amount',
  'currency',
  'agentName',
  'agentRole',
  'approverName',
  'approvalId',
  'policyId',
  'reason',
] as const

function csvCell(v: unknown): string {
  const text = v instanceof Date ? v.toISOString() : v == null ? '' : String(v)
  // A leading =, +, - or @ would run as a formula in a spreadsheet; a quote mark disarms it.
  const safe = /^[=+\-@\t\r]/.test(text) && !/^-?\d/.test(text) ? `'${text}` : text
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

/** The filtered ledger as CSV (oldest first), read in pages so a long ledger streams. */
export async function* exportLedgerCsv(
  db: Executor,
  workspaceId: string,
  query: Omit<LedgerQuery, 'limit' | 'cursor'>,
): AsyncGenerator<string> {
  yield `${CSV_COLUMNS.join(',')}\n`
  let after: string | null = null
  for (;;) {
    let qb = filtered(db, workspaceId, query)
    if (after) qb = qb.where('g.id', '>', after)
    const rows = await qb.orderBy('g.id').limit(1000).execute()
    if (rows.length === 0) return
    yield rows
      .map(toLedgerView)
      .map((e) => `${CSV_COLUMNS.map((c) => csvCell(e[c])).join(',')}\n`)
      .join('')
    after = rows[rows.length - 1]!.id
  }
}
