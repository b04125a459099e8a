import { api, request } from './client.js'
import type { Page } from './types.js'

// Mirrors of src/modules/feedback views. Times are UTC ISO strings.

export type SurveyKind = 'nps' | 'csat' | 'ces'
export type SurveyTrigger = 'case_resolved' | 'purchase' | 'periodic' | 'manual'
export type LoopStatus = 'open' | 'contacted' | 'resolved'
export type IdeaStatus = 'new' | 'planned' | 'in_progress' | 'done' | 'declined'
export const IDEA_STATUSES: IdeaStatus[] = ['new', 'planned', 'in_progress', 'done', 'declined']

export interface Survey {
  id: string
  name: string
  kind: SurveyKind
  trigger: SurveyTrigger
  delayDays: number
  segmentId: string | null
  periodDays: number | null
  followUpThreshold: number | null
  active: boolean
  scale: { min: number; max: number }
  createdAt: string
}

export interface NewSurvey {
  name: string
  kind: SurveyKind
  trigger: SurveyTrigger
  delayDays?: number
  segmentId?: string | null
  periodDays?: number | null
}

export interface FeedbackSettings {
  defaultLanguage: 'en' | 'de' | 'fr'
  fatigueDays: number
  quietStart: number
  quietEnd: number
  reminderDays: number
  closeDays: number
  fromAddress: string
  smtpConfigured: boolean
  ideaKeywords: string[]
  followUpTeamId: string | null
  followUpPriority: 'urgent' | 'high' | 'normal' | 'low'
}

export interface SurveyResponse {
  id: string
  surveyName: string
  kind: SurveyKind
  score: number
  comment: string | null
  customerId: string
  customerName: string
  caseId: string | null
  channel: string | null
  tier: string | null
  answeredAt: string
  followUpCaseId: string | null
  loopStatus: LoopStatus | null
  ideaId: string | null
}

export interface Idea {
  id: string
  title: string
  status: IdeaStatus
  askedBy: { customerId: string; customerName: string; responseId: string }[]
  updatedAt: string
}

export interface Figure {
  n: number
  value: number | null
  low: number | null
  high: number | null
  mean: number | null
}

export interface FeedbackAnalytics {
  kind: SurveyKind
  interval: 'week' | 'month'
  by: string
  total: Figure
  groups: { key: string | null; label: string; total: Figure; points: (Figure & { period: string })[] }[]
  responseRate: { invited: number; answered: number; rate: number | null; low: number; high: number }
  closedLoop: { followUps: number; open: number; contacted: number; resolved: number; rate: number | null }
}

export type AnalyticsDimension = 'none' | 'segment' | 'tier' | 'team' | 'agent' | 'channel'

export const listSurveys = () => api.get<{ items: Survey[] }>('/api/feedback/surveys')
export const createSurvey = (survey: NewSurvey) => api.post<Survey>('/api/feedback/surveys', survey)
export const updateSurvey = (id: string, changes: Partial<NewSurvey> & { active?: boolean }) =>
  request<Survey>('PATCH', `/api/feedback/surveys/${encodeURIComponent(id)}`, { body: changes })
export const getFeedbackSettings = () => api.get<FeedbackSettings>('/api/feedback/settings')
export const updateFeedbackSettings = (changes: Partial<FeedbackSettings> & { smtpUrl?: string | null }) =>
  request<FeedbackSettings>('PATCH', '/api/feedback/settings', { body: changes })
export const listFeedbackResponses = (query: {
  kind?: SurveyKind
  loop?: LoopStatus | 'any'
  withComment?: 'true'
  q?: string
  cursor?: string
  limit?: number
}) => api.get<Page<SurveyResponse>>('/api/feedback/responses', query)
export const setLoopStatus = (responseId: string, status: LoopStatus) =>
  api.post<{ id: string; loopStatus: LoopStatus }>(
    `/api/feedback/responses/${encodeURIComponent(responseId)}/loop`,
    {
      status,
    },
  )
export const tagAsIdea = (responseId: string, title: string) =>
  api.post<Idea>(`/api/feedback/responses/${encodeURIComponent(responseId)}/idea`, { title })
export const listIdeas = () => api.get<{ items: Idea[] }>('/api/feedback/ideas')
export const updateIdea = (id: string, status: IdeaStatus) =>
  request<Idea>('PATCH', `/api/feedback/ideas/${encodeURIComponent(id)}`, { body: { status } })
export const getFeedbackAnalytics = (query: {
  kind: SurveyKind
  by: AnalyticsDimension
  interval: 'week' | 'month'
}) => api.get<FeedbackAnalytics>('/api/feedback/analytics', query)
