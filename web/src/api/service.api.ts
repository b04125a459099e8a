import type { CasePriority, CaseStatus } from './cases.api.js'
import { api } from './client.js'
import type { Page } from './types.js'

// Mirrors of src/modules/service queue, report, playbook, macro and callback views.

export interface QueueItem {
  id: string
  number: number
  subject: string
  status: CaseStatus
  priority: CasePriority
  channel: string
  category: string | null
  tier: string | null
  customerId: string | null
  requesterName: string | null
  teamId: string | null
  assigneeId: string | null
  assigneeName: string | null
  /** Earliest deadline; time to breach = nextDueAt − now. */
  nextDueAt: string | null
  breached: boolean
  paused: boolean
  openedAt: string
}

export interface QueueQuery {
  limit?: number
  cursor?: string
  status?: string
  assignee?: string
}

export interface QueueHealth {
  teamId: string
  teamName: string
  waiting: number
  oldestWaitMinutes: number | null
  medianWaitMinutes: number | null
  expectedWaitMinutes: number | null
  actionable: number
  unresolved: number
  unassigned: number
  breached: number
  answeredLast24h: number
  availableAgents: number
  at: string
}

export const ATTAINMENT_GROUPS = ['tier', 'team', 'agent', 'priority', 'channel'] as const
export type AttainmentGroup = (typeof ATTAINMENT_GROUPS)[number]

export interface AttainmentClock {
  met: number
  missed: number
  /** met ÷ (met + missed); null when nothing was measured. */
  attainment: number | null
}

export interface AttainmentRow {
  key: string | null
  label: string
  cases: number
  resolved: number
  breachedCases: number
  firstResponse: AttainmentClock
  resolution: AttainmentClock
  nextResponse: AttainmentClock
  medianFirstResponseMinutes: number | null
}

export interface Attainment {
  groupBy: AttainmentGroup
  from: string
  to: string
  total: AttainmentRow
  rows: AttainmentRow[]
}

export interface TeamMember {
  userId: string
  name: string
  skills: string[]
  available: boolean
  maxOpen: number | null
  lastAssignedAt: string | null
}

export interface Team {
  id: string
  name: string
  description: string | null
  calendarId: string | null
  managerId: string | null
  members: TeamMember[]
  createdAt: string
  updatedAt: string
}

export interface PlaybookStep {
  id: string
  title: string
  kind: 'check' | 'say' | 'do'
  body: string | null
  required: boolean
  done: boolean
  doneAt: string | null
  doneBy: string | null
}

export interface CasePlaybook {
  playbookId: string | null
  name: string | null
  steps: PlaybookStep[]
  requiredRemaining: number
}

export interface Macro {
  id: string
  name: string
  body: string
  visibility: 'public' | 'internal'
  category: string | null
  setStatus?: CaseStatus | null
  createdAt: string
  updatedAt: string
}

export interface RenderedMacro {
  body: string
  visibility: 'public' | 'internal'
}

export interface CallbackSlots {
  teamId: string | null
  slotMinutes: number
  capacity: number
  slots: { start: string; end: string; available: number }[]
}

export interface Callback {
  id: string
  caseId: string
  caseNumber: number
  subject: string
  customerId: string | null
  customerName: string | null
  phone: string
  teamId: string | null
  assigneeId: string | null
  slotStart: string
  slotEnd: string
  bookedBy: 'agent' | 'customer'
  status: 'scheduled' | 'completed' | 'missed' | 'cancelled'
  note: string | null
  outcome: string | null
  completedAt: string | null
  createdAt: string
}

const id = encodeURIComponent

export const listQueuesHealth = () => api.get<{ items: QueueHealth[] }>('/api/service/queues')
export const listTeamQueue = (teamId: string, query: QueueQuery = {}) =>
  api.get<Page<QueueItem>>(`/api/service/queues/${id(teamId)}`, { ...query })
export const listMyQueue = (query: Omit<QueueQuery, 'assignee'> = {}) =>
  api.get<Page<QueueItem>>('/api/service/my-queue', { ...query })
export const getAttainment = (groupBy: AttainmentGroup, range: { from?: string; to?: string } = {}) =>
  api.get<Attainment>('/api/service/reports/attainment', { groupBy, ...range })
export const listTeams = () => api.get<{ items: Team[] }>('/api/service/teams')

export const getCasePlaybook = (caseId: string) => api.get<CasePlaybook>(`/api/cases/${id(caseId)}/playbook`)
export const markPlaybookStep = (caseId: string, stepId: string, done: boolean) =>
  api.post<CasePlaybook>(`/api/cases/${id(caseId)}/playbook/steps/${id(stepId)}`, { done })
export const listMacros = (category?: string | null) =>
  api.get<{ items: Macro[] }>('/api/service/macros', { category: category ?? undefined })
export const renderMacro = (caseId: string, macroId: string) =>
  api.post<RenderedMacro>(`/api/cases/${id(caseId)}/macros/${id(macroId)}/render`, {})

export const listCallbackSlots = (query: { team?: string; days?: number } = {}) =>
  api.get<CallbackSlots>('/api/service/callbacks/slots', { ...query })
export const bookCallback = (caseId: string, input: { slotStart: string; phone?: string; note?: string }) =>
  api.post<Callback>(`/api/cases/${id(caseId)}/callbacks`, input)
export const getQueueHealth = (teamId: string) =>
  api.get<QueueHealth>(`/api/service/queues/${id(teamId)}/health`)

export interface SurveyScore {
  score: number
  answeredAt: string
  responseId: string
}

/** GET /api/customers/:id/feedback: the customer's latest NPS, CSAT and CES answers. */
export interface CustomerSatisfaction {
  nps: SurveyScore | null
  csat: SurveyScore | null
  ces: SurveyScore | null
  responses: number
}

export const getCustomerSatisfaction = (customerId: string) =>
  api.get<CustomerSatisfaction>(`/api/customers/${id(customerId)}/feedback`)
