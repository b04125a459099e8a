import type { FastifyPluginAsync, FastifyReply } from 'fastify'
import { answerSurvey, openSurveyPage, type SurveyPage } from '../../modules/feedback/index.js'
import { PublicRateLimit } from '../public-rate-limit.js'
import { answerPage, closedPage, notFoundPage } from './survey-answer.page.js'

type Body = Record<string, string | string[] | undefined>

function send(reply: FastifyReply, status: number, html: string) {
  return (
    reply
      .code(status)
      .type('text/html; charset=utf-8')
      // The token is in the URL: keep it out of caches, referrers and search engines.
      .header('cache-control', 'no-store')
      .header('referrer-policy', 'no-referrer')
      .header('x-robots-tag', 'noindex')
      .header('x-frame-options', 'DENY')
      .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'")
      .send(html)
  )
}

function render(reply: FastifyReply, page: SurveyPage, action: string, notice: 'saved' | 'invalid' | null) {
  if (page.state === 'not_found') return send(reply, 404, notFoundPage())
  if (page.state === 'closed') return send(reply, 410, closedPage(page))
  return send(reply, notice === 'invalid' ? 400 : 200, answerPage(page, action, notice))
}

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)

/**
 * The public survey answer page at /s/:token: server-rendered HTML, no login, no JavaScript.
 * GET shows the form; GET with ?score=N (the one-click links in the email) records that score
 * (repeating it changes nothing); POST (a plain form) records score, comment and extra answers.
 */
export const surveyAnswerRoutes: FastifyPluginAsync = async (app) => {
  const perAddress = new PublicRateLimit(120, 60_000)
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 64 * 1024 },
    (_req, body, done) => {
      const out: Body = {}
      for (const [k, v] of new URLSearchParams(String(body))) out[k] = out[k] === undefined ? v : out[k]
      done(null, out)
    },
  )

  app.get<{ Params: { token: string }; Querystring: { score?: string | string[] } }>(
    '/s/:token',
    // A page, not API: kept out of the OpenAPI document.
    { schema: { hide: true } },
    async (req, reply) => {
      perAddress.check(req.ip)
      const token = req.params.token
      const action = `/s/${encodeURIComponent(token)}`
      const raw = first(req.query.score)
      if (raw === undefined) return render(reply, await openSurveyPage(app.db, token), action, null)
      const score = /^\d{1,2}$/.test(raw) ? Number(raw) : Number.NaN
      const result = await answerSurvey(app.db, token, { score })
      if (result.state === 'invalid') return render(reply, result.page, action, 'invalid')
      return render(reply, result, action, 'saved')
    },
  )

  app.post<{ Params: { token: string }; Body: Body | undefined }>(
    '/s/:token',
    { schema: { hide: true } },
    async (req, reply) => {
      perAddress.check(req.ip)
      const token = req.params.token
      const action = `/s/${encodeURIComponent(token)}`
      const body = req.body && typeof req.body === 'object' ? req.body : {}
      const raw = first(body.score) ?? ''
      const answers: Record<string, string> = {}
      for (const [k, v] of Object.entries(body)) {
        const value = first(v)
        if (k.startsWith('q_') && typeof value === 'string') answers[k.slice(2)] = value
      }
      const comment = first(body.comment)
      const result = await answerSurvey(app.db, token, {
        score: /^\d{1,2}$/.test(raw) ? Number(raw) : Number.NaN,
        comment: typeof comment === 'string' ? comment : '',
        answers,
      })
      if (result.state === 'invalid') return render(reply, result.page, action, 'invalid')
      return render(reply, result, action, 'saved')
    },
  )
}
