import { api } from './client.js'
import type { Page } from './types.js'

// Mirrors of src/modules/service case views. Times are UTC ISO strings.

export const CASE_CHANNELS = ['phone', 'email', 'chat', 'web_form', 'in_person', 'internal'] as const
export type CaseChannel = (typeof CASE_CHANNELS)[number]
export const CASE_STATUSES = [
  'new',
  'open',
  'waiting_on_customer',
  'waiting_on_third_party',
  'resolved',
  'closed',
] as const
export type CaseStatus = (typeof CASE_STATUSES)[number]
/** Most to least pressing. */
export const CASE_PRIORITIES = ['urgent', 'high', 'normal', 'low'] as const
export type CasePriority = (typeof CASE_PRIORITIES)[number]
export const CASE_URGENCIES = ['low', 'medium', 'high', 'critical'] as const
export type CaseUrgency = (typeof CASE_URGENCIES)[number]

/** The status machine of src/modules/service/cases/case-status-machine.ts. */
export const CASE_TRANSITIONS: Record<CaseStatus, readonly CaseStatus[]> = {
  new: ['open', 'waiting_on_customer', 'waiting_on_third_party', 'resolved'],
  open: ['waiting_on_customer', 'waiting_on_third_party', 'resolved'],
  waiting_on_customer: ['open', 'waiting_on_third_party', 'resolved'],
  waiting_on_third_party: ['open', 'waiting_on_customer', 'resolved'],
  resolved: ['closed', 'open'],
  closed: ['open'],
}

export interface SlaClock {
  dueAt: string | null
  at: string | null
  met: boolean | null
}

export interface CaseSla {
  policyId: string | null
  calendarId: string | null
  paused: boolean
  pausedSince: string | null
  nextDueAt: string | null
  firstResponse: SlaClock
  nextResponse: SlaClock & { count: number; breaches: number }
  resolution: SlaClock
  warned: string[]
  breached: string[]
}

export interface Case {
  id: string
  number: number
  channel: CaseChannel
  requester: {
    kind: 'customer' | 'internal'
    customerId: string | null
    customerName: string | null
    department: string | null
  }
  subject: string
  description: string
  category: string | null
  urgency: CaseUrgency
  tier: string | null
  priority: CasePriority
  prioritySource: 'matrix' | 'override' | 'escalation'
  priorityReason: string | null
  status: CaseStatus
  teamId: string | null
  teamName: string | null
  assigneeId: string | null
  assigneeName: string | null
  tags: string[]
  mergedIntoId: string | null
  sla: CaseSla
  escalationLevel: number
  openedAt: string
  resolvedAt: string | null
  closedAt: string | null
  reopenedCount: number
  createdAt: string
  updatedAt: string
}

export interface NewCase {
  channel: CaseChannel
  customerId?: string
  department?: string
  subject: string
  description?: string
  category?: string
  urgency?: CaseUrgency
  priority?: CasePriority
  priorityReason?: string
  tags?: string[]
  teamId?: string
  assigneeId?: string
}

export interface CaseChanges {
  subject?: string
  description?: string
  category?: string | null
  urgency?: CaseUrgency
  tags?: string[]
  teamId?: string | null
  assigneeId?: string | null
}

export interface ListCasesQuery {
  limit?: number
  cursor?: string
  status?: string
  team?: string
  assignee?: string
  customer?: string
  q?: string
  sort?: string
}

export interface CaseMessage {
  id: string
  caseId: string
  visibility: 'public' | 'internal'
  author: 'agent' | 'customer' | 'system'
  authorUserId: string | null
  authorName: string | null
  body: string
  macroId: string | null
  createdAt: string
}

export interface NewCaseMessage {
  visibility?: 'public' | 'internal'
  author?: 'agent' | 'customer'
  body?: string
  macroId?: string
}

export interface CaseEvent {
  id: string
  type: string
  summary: string
  data: Record<string, unknown>
  actorUserId: string | null
  actorTokenId: string | null
  occurredAt: string
}

const caseUrl = (id: string, rest = '') => `/api/cases/${encodeURIComponent(id)}${rest}`

export const listCases = (query: ListCasesQuery = {}) => api.get<Page<Case>>('/api/cases', { ...query })
export const getCase = (id: string) => api.get<Case>(caseUrl(id))
export const createCase = (input: NewCase) => api.post<Case>('/api/cases', input)
export const updateCase = (id: string, changes: CaseChanges) => api.patch<Case>(caseUrl(id), changes)
export const changeCaseStatus = (id: string, status: CaseStatus, reason?: string) =>
  api.post<Case>(caseUrl(id, '/status'), reason ? { status, reason } : { status })
export const overrideCasePriority = (id: string, priority: CasePriority, reason: string) =>
  api.post<Case>(caseUrl(id, '/priority'), { priority, reason })
export const takeCase = (id: string) => api.post<Case>(caseUrl(id, '/take'), {})
export const mergeCase = (id: string, duplicateId: string) =>
  api.post<Case>(caseUrl(id, '/merge'), { duplicateId })
export const listCaseMessages = (id: string, query: { cursor?: string; limit?: number } = {}) =>
  api.get<Page<CaseMessage>>(caseUrl(id, '/messages'), { ...query })
export const postCaseMessage = (id: string, message: NewCaseMessage) =>
  api.post<CaseMessage>(caseUrl(id, '/messages'), message)
export const listCaseHistory = (id: string, query: { cursor?: string; limit?: number } = {}) =>
  api.get<Page<CaseEvent>>(caseUrl(id, '/history'), { ...query })
