import { api, apiHref, type Query } from './client.js'
import type { Page } from './types.js'

// Mirrors of src/modules/empowerment views. Money is an exact decimal string in the workspace
// currency; times are UTC ISO strings.

export const GRANT_ACTION_KINDS = [
  'refund',
  'account_credit',
  'gift',
  'free_upgrade',
  'waived_fee',
  'onsite_repair',
  'custom',
] as const
export type GrantActionKind = (typeof GRANT_ACTION_KINDS)[number]

export interface ActionType {
  id: string
  kind: GrantActionKind
  name: string
  costRule: 'entered' | 'fixed'
  fixedAmount: string | null
  active: boolean
}
export type ActionTypeInput = Omit<ActionType, 'id'>

export interface AuthorityPolicy {
  id: string
  name: string
  role: string
  teamId: string | null
  maxPerGrant: string
  maxPerCustomer: string | null
  customerPeriodDays: number
  maxPerAgentMonth: string | null
  tiers: string[]
  categories: string[]
  stages: string[]
  active: boolean
}
export type PolicyInput = Omit<AuthorityPolicy, 'id'>

export interface Authority {
  /** Largest grant possible now without approval; null = no limit. */
  remaining: string | null
  customerUsed: string
  agentUsedThisMonth: string
  policy: { name?: string; customerPeriodDays?: number; unlimited?: boolean; [key: string]: unknown }
}

export interface LedgerEntry {
  id: string
  entryKind: 'grant' | 'reversal'
  reversesId: string | null
  customerId: string
  customerName: string | null
  caseId: string | null
  actionTypeId: string
  actionName: string
  amount: string
  currency: string
  agentName: string | null
  agentRole: string
  approverName: string | null
  approvalId: string | null
  policyId: string | null
  customerTier: string | null
  reason: string
  occurredAt: string
}

export interface Approval {
  id: string
  customerId: string
  customerName: string | null
  caseId: string | null
  actionName: string | null
  amount: string
  reason: string
  requestedByName: string | null
  requestedRole: string
  routeToRole: 'manager' | 'admin'
  status: 'pending' | 'approved' | 'denied' | 'expired'
  decidedByName: string | null
  decidedAt: string | null
  decisionReason: string | null
  expiresAt: string
  createdAt: string
}

export interface NewGrant {
  customerId: string
  caseId?: string | undefined
  actionTypeId: string
  amount?: string | undefined
  reason: string
  requestApproval?: boolean
}

export interface GrantOutcome {
  outcome: 'executed' | 'pending_approval'
  entry: LedgerEntry | null
  approval: Approval | null
}

export interface LedgerQuery extends Query {
  customer?: string
  agent?: string
  tier?: string
  kind?: 'grant' | 'reversal'
  approved?: 'true' | 'false'
  since?: string
  until?: string
}

export interface BudgetRow {
  key: string | null
  label: string
  grants: number
  granted: string
  reversed: string
  net: string
  approved: string
}

export interface ApprovalStats {
  pending: number
  approved: number
  denied: number
  expired: number
  medianTurnaroundHours: number | null
  oldestPendingAt: string | null
}

export interface ImpactRow {
  tier: string
  granted: { customers: number; repeatRate: number | null }
  comparable: { customers: number; repeatRate: number | null }
  satisfaction: { granted: number | null; comparable: number | null } | null
}

export const getAuthority = (customerId: string, caseId?: string) =>
  api.get<Authority>('/api/empowerment/authority', { customerId, caseId })
export const listActionTypes = () => api.get<{ items: ActionType[] }>('/api/empowerment/action-types')
export const createActionType = (input: ActionTypeInput) =>
  api.post<ActionType>('/api/empowerment/action-types', input)
export const listPolicies = () => api.get<{ items: AuthorityPolicy[] }>('/api/empowerment/policies')
export const createPolicy = (input: PolicyInput) =>
  api.post<AuthorityPolicy>('/api/empowerment/policies', input)
export const deletePolicy = (id: string) => api.delete(`/api/empowerment/policies/${encodeURIComponent(id)}`)
export const createGrant = (input: NewGrant) => api.post<GrantOutcome>('/api/grants', input)
export const listLedger = (query: LedgerQuery & { cursor?: string; limit?: number }) =>
  api.get<Page<LedgerEntry>>('/api/grants', query)
export const ledgerCsvHref = (query: LedgerQuery) => apiHref('/api/grants/export.csv', query)
export const reverseGrant = (id: string, reason: string) =>
  api.post<LedgerEntry>(`/api/grants/${encodeURIComponent(id)}/reverse`, { reason })
export const listApprovals = (query: {
  status?: string
  forMe?: 'true'
  customer?: string
  cursor?: string
  limit?: number
}) => api.get<Page<Approval>>('/api/approvals', query)
export const decideApproval = (id: string, decision: 'approve' | 'deny', reason: string) =>
  api.post<Approval>(`/api/approvals/${encodeURIComponent(id)}/decision`, { decision, reason })
export const getBudgetReport = (by: 'agent' | 'team' | 'tier' | 'month') =>
  api.get<{ items: BudgetRow[] }>('/api/empowerment/reports/budget', { by })
export const getApprovalStats = () => api.get<ApprovalStats>('/api/empowerment/reports/approvals')
export const getImpactReport = () => api.get<{ items: ImpactRow[] }>('/api/empowerment/reports/impact')
