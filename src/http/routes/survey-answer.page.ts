import type { SurveyPage } from '../../modules/feedback/index.js'

const esc = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  )

const STYLE = `
*{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;color:#1a1a1a;background:#f6f7f9}
main{max-width:36rem;margin:0 auto;padding:1.25rem}
h1{font-size:1.35rem;line-height:1.3;margin:.5rem 0 1rem}
fieldset{border:0;padding:0;margin:0 0 1.25rem}legend{font-weight:600;margin-bottom:.5rem;padding:0}
.scores{display:flex;flex-wrap:wrap;gap:.4rem}
.score{position:relative}.score input{position:absolute;opacity:0;width:1px;height:1px}
.score label{display:flex;align-items:center;justify-content:center;min-width:2.75rem;min-height:2.75rem;border:2px solid #8a8f98;border-radius:.5rem;background:#fff;font-weight:600;cursor:pointer}
.score input:checked+label{background:#1f5fbf;border-color:#1f5fbf;color:#fff}
.score input:focus-visible+label{outline:3px solid #f0a500;outline-offset:2px}
.ends{display:flex;justify-content:space-between;font-size:.875rem;color:#4a4f57;margin-top:.35rem}
label.block{display:block;font-weight:600;margin:.75rem 0 .35rem}
textarea,input[type=text]{width:100%;font:inherit;padding:.6rem;border:2px solid #8a8f98;border-radius:.5rem;background:#fff}
textarea{min-height:7rem}
button{min-height:2.75rem;padding:.6rem 1.4rem;font:inherit;font-weight:600;color:#fff;background:#1f5fbf;border:0;border-radius:.5rem;cursor:pointer;margin-top:1rem}
.note{background:#e8f3ea;border-left:4px solid #2f8a3e;padding:.75rem 1rem;border-radius:.25rem}
.error{background:#fdecea;border-left:4px solid #c62828;padding:.75rem 1rem;border-radius:.25rem}`

function layout(lang: string, title: string, body: string): string {
  return `<!doctype html><html lang="${esc(lang)}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">
<title>${esc(title)}</title><style>${STYLE}</style></head><body><main>${body}</main></body></html>`
}

/** The page for a token nobody issued: the same for every wrong token, and nothing about anyone. */
export function notFoundPage(): string {
  return layout(
    'en',
    'Survey not found',
    '<h1>Survey not found</h1><p>This link is not valid. Please check that you copied the whole link from the email.</p>',
  )
}

export function closedPage(page: Extract<SurveyPage, { state: 'closed' }>): string {
  return layout(page.language, page.texts.closed, `<h1>${esc(page.texts.closed)}</h1>`)
}

/**
 * The answer form: plain HTML that posts without JavaScript; each score is a real radio button
 * with a label (a large tap target), grouped in a fieldset whose legend is the question.
 */
export function answerPage(
  page: Extract<SurveyPage, { state: 'open' }>,
  action: string,
  notice: 'saved' | 'invalid' | null,
): string {
  const t = page.texts
  const current = page.answer
  const scores = Array.from({ length: page.scale.max - page.scale.min + 1 }, (_, i) => page.scale.min + i)
  const radios = scores
    .map(
      (s) =>
        `<span class="score"><input type="radio" name="score" id="score-${s}" value="${s}"${current?.score === s ? ' checked' : ''} required><label for="score-${s}">${s}</label></span>`,
    )
    .join('')
  const extra = page.questions
    .map(
      (q) =>
        `<label class="block" for="q-${esc(q.id)}">${esc(q.label)}</label><input type="text" id="q-${esc(q.id)}" name="q_${esc(q.id)}" maxlength="2000" value="${esc(current?.answers[q.id] ?? '')}">`,
    )
    .join('')
  const banner =
    notice === 'saved'
      ? `<p class="note" role="status">${esc(t.thanks)}</p>`
      : notice === 'invalid'
        ? `<p class="error" role="alert">Please choose a score from ${page.scale.min} to ${page.scale.max}.</p>`
        : `<p>${esc(t.intro)}</p>`
  return layout(
    page.language,
    t.subject,
    `<h1>${esc(t.subject)}</h1>${banner}
<form method="post" action="${esc(action)}">
<fieldset><legend id="question">${esc(t.question)}</legend>
<div class="scores" role="radiogroup" aria-labelledby="question">${radios}</div>
<div class="ends" aria-hidden="true"><span>${page.scale.min} = ${esc(t.low)}</span><span>${page.scale.max} = ${esc(t.high)}</span></div>
</fieldset>
<label class="block" for="comment">${esc(t.comment)}</label>
<textarea id="comment" name="comment" maxlength="5000">${esc(current?.comment ?? '')}</textarea>
${extra}
<button type="submit">${esc(t.submit)}</button>
</form>`,
  )
}
