import type { CaseChannel, CasePriority, CaseStatus } from '../../api/index.js'

export const STATUS_LABELS: Record<CaseStatus, string> = {
  new: 'New',
  open: 'Open',
  waiting_on_customer: 'Waiting on customer',
  waiting_on_third_party: 'Waiting on third party',
  resolved: 'Resolved',
  closed: 'Closed',
}

export const PRIORITY_LABELS: Record<CasePriority, string> = {
  urgent: 'Urgent',
  high: 'High',
  normal: 'Normal',
  low: 'Low',
}

export const CHANNEL_LABELS: Record<CaseChannel, string> = {
  phone: 'Phone',
  email: 'Email',
  chat: 'Chat',
  web_form: 'Web form',
  in_person: 'In person',
  internal: 'Internal',
}

export const channelLabel = (channel: string) => CHANNEL_LABELS[channel as CaseChannel] ?? channel

const PRIORITY_TONES: Record<CasePriority, string> = {
  urgent: 'badge-danger',
  high: 'badge-accent',
  normal: 'badge-neutral',
  low: 'badge-neutral',
}

export function PriorityBadge({ priority }: { priority: CasePriority }) {
  return <span className={`badge ${PRIORITY_TONES[priority]}`}>{PRIORITY_LABELS[priority]}</span>
}

export function StatusBadge({ status }: { status: CaseStatus }) {
  const tone = status === 'resolved' || status === 'closed' ? 'badge-success' : 'badge-neutral'
  return <span className={`badge ${tone}`}>{STATUS_LABELS[status]}</span>
}

/** Minutes as "42 min", "3 h 05 min" or "2 d 4 h". */
export function formatMinutes(minutes: number | null): string {
  if (minutes === null) return '—'
  const m = Math.round(minutes)
  if (m < 60) return `${m} min`
  if (m < 24 * 60) return `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, '0')} min`
  return `${Math.floor(m / 1440)} d ${Math.floor((m % 1440) / 60)} h`
}
