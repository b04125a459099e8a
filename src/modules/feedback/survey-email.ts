import type { SurveyKind } from '../../db/database.js'
import type { EmailPayload } from '../outbox/index.js'
import { type Language, SCALES, surveyTexts } from './survey-templates.js'

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  )

/** The invitation email: every score is a link that records it in one click. */
export function surveyEmail(opts: {
  kind: SurveyKind
  language: Language
  texts: Record<string, Record<string, string>>
  link: string
  to: string
  from: string
  reminder: boolean
}): EmailPayload {
  const t = surveyTexts(opts.kind, opts.language, opts.texts)
  const { min, max } = SCALES[opts.kind]
  const scores = Array.from({ length: max - min + 1 }, (_, i) => min + i)
  const lines = [
    ...(opts.reminder ? [t.reminder, ''] : []),
    t.question,
    `${min} = ${t.low}, ${max} = ${t.high}`,
    '',
    ...scores.map((s) => `${s}: ${opts.link}?score=${s}`),
    '',
    opts.link,
  ]
  const buttons = scores
    .map(
      (s) =>
        `<a href="${escapeHtml(`${opts.link}?score=${s}`)}" style="display:inline-block;min-width:36px;padding:10px 6px;margin:2px;border:1px solid #888;border-radius:6px;text-align:center;text-decoration:none;color:#111">${s}</a>`,
    )
    .join('')
  const html = `<!doctype html><html lang="${opts.language}"><body style="font-family:sans-serif">
${opts.reminder ? `<p>${escapeHtml(t.reminder)}</p>` : ''}<p>${escapeHtml(t.question)}</p>
<p>${buttons}</p><p style="color:#555">${min} = ${escapeHtml(t.low)} · ${max} = ${escapeHtml(t.high)}</p>
<p style="color:#555">${escapeHtml(t.intro)}</p></body></html>`
  return {
    to: opts.to,
    from: opts.from,
    subject: opts.reminder ? `${t.subject} (reminder)` : t.subject,
    text: lines.join('\n'),
    html,
  }
}
