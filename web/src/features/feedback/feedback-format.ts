import type { Figure, SurveyKind } from '../../api/feedback.api.js'

export const KIND_LABEL: Record<SurveyKind, string> = { nps: 'NPS', csat: 'CSAT', ces: 'CES' }

/** A score figure as people read it: NPS as a signed number, CSAT in percent, CES as a mean. */
export function figureText(kind: SurveyKind, f: Figure): string {
  if (f.value === null) return '–'
  if (kind === 'nps') return `${f.value >= 0 ? '+' : ''}${Math.round(f.value)}`
  if (kind === 'csat') return `${Math.round(f.value)} %`
  return f.value.toFixed(1)
}

export function intervalText(kind: SurveyKind, f: Figure): string {
  if (f.low === null || f.high === null) return ''
  const d = kind === 'ces' ? 1 : 0
  return `${f.low.toFixed(d)} to ${f.high.toFixed(d)}`
}
