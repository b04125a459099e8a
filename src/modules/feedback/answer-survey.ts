import type { Executor, Row, SurveyKind } from '../../db/database.js'
import { newId } from '../../db/ids.js'
import { appendTimelineEvent } from '../customers/index.js'
import { systemActor } from '../platform/index.js'
import { withTransaction } from '../service/index.js'
import { openFollowUp } from './close-loop.js'
import { loadFeedbackSettings } from './feedback-settings.js'
import { ensureIdea, ideaTitleFrom, matchIdeaKeyword } from './ideas.js'
import { type Language, needsFollowUp, SCALES, type SurveyTexts, surveyTexts } from './survey-templates.js'
import { hashSurveyToken, looksLikeSurveyToken } from './survey-tokens.js'

/** What the public answer page shows. Nothing about the customer: the page needs no name. */
export type SurveyPage =
  | { state: 'not_found' }
  | { state: 'closed'; language: Language; texts: SurveyTexts }
  | {
      state: 'open'
      language: Language
      kind: SurveyKind
      texts: SurveyTexts
      scale: { min: number; max: number }
      questions: { id: string; label: string }[]
      answer: { score: number; comment: string | null; answers: Record<string, string> } | null
    }

interface Found {
  invitation: Row<'survey_invitations'>
  survey: Row<'surveys'>
}

async function findByToken(db: Executor, token: string, lock: boolean): Promise<Found | undefined> {
  if (!looksLikeSurveyToken(token)) return undefined
  const hash = hashSurveyToken(token)
  for (const column of ['token_hash', 'reminder_token_hash'] as const) {
    let q = db.selectFrom('survey_invitations').selectAll().where(column, '=', hash)
    if (lock) q = q.forUpdate()
    const invitation = await q.executeTakeFirst()
    if (!invitation) continue
    const survey = await db
      .selectFrom('surveys')
      .selectAll()
      .where('workspace_id', '=', invitation.workspace_id)
      .where('id', '=', invitation.survey_id)
      .executeTakeFirstOrThrow()
    return { invitation, survey }
  }
  return undefined
}

function pageOf(found: Found, response: Row<'survey_responses'> | undefined, now: Date): SurveyPage {
  const { invitation: inv, survey } = found
  const language = inv.language as Language
  const texts = surveyTexts(survey.kind, language, survey.texts as Record<string, Record<string, string>>)
  if (inv.status === 'expired' || !inv.expires_at || inv.expires_at <= now)
    return { state: 'closed', language, texts }
  const questions = (survey.questions as { id: string; label: Record<string, string> }[]).map((q) => ({
    id: q.id,
    label: q.label[language] ?? q.label.en ?? q.id,
  }))
  return {
    state: 'open',
    language,
    kind: survey.kind,
    texts,
    scale: { min: SCALES[survey.kind].min, max: SCALES[survey.kind].max },
    questions,
    answer: response
      ? {
          score: response.score,
          comment: response.comment,
          answers: response.answers as Record<string, string>,
        }
      : null,
  }
}

async function responseOf(db: Executor, inv: Row<'survey_invitations'>) {
  return db
    .selectFrom('survey_responses')
    .selectAll()
    .where('workspace_id', '=', inv.workspace_id)
    .where('invitation_id', '=', inv.id)
    .executeTakeFirst()
}

/** The answer page for a token: not found (wrong token), closed (expired), or open with any answer so far. */
export async function openSurveyPage(db: Executor, token: string, now = new Date()): Promise<SurveyPage> {
  const found = await findByToken(db, token, false)
  if (!found) return { state: 'not_found' }
  return pageOf(found, await responseOf(db, found.invitation), now)
}

export interface SurveyAnswer {
  score: number
  /** Undefined keeps the comment given before (a score click from the email carries none). */
  comment?: string
  answers?: Record<string, string>
}

/**
 * Records or changes an answer until the survey closes. Repeating the same answer changes
 * nothing, so the one-click GET link from the email is safe to follow twice. The first unhappy
 * score opens the follow-up case; a comment matching a keyword rule is filed as an idea.
 */
export async function answerSurvey(
  db: Executor,
  token: string,
  answer: SurveyAnswer,
  now = new Date(),
): Promise<SurveyPage | { state: 'invalid'; page: SurveyPage }> {
  return withTransaction(db, async (trx) => {
    const found = await findByToken(trx, token, true)
    if (!found) return { state: 'not_found' } as const
    const { invitation: inv, survey } = found
    const before = await responseOf(trx, inv)
    const page = pageOf(found, before, now)
    if (page.state !== 'open') return page
    if (!Number.isInteger(answer.score) || answer.score < page.scale.min || answer.score > page.scale.max)
      return { state: 'invalid', page } as const
    const known = new Set(page.questions.map((q) => q.id))
    const extra = Object.fromEntries(
      Object.entries(answer.answers ?? {})
        .filter(([k, v]) => known.has(k) && v.trim() !== '')
        .map(([k, v]) => [k, v.trim().slice(0, 2000)]),
    )
    const comment =
      answer.comment === undefined ? (before?.comment ?? null) : answer.comment.trim().slice(0, 5000) || null
    const answers = answer.answers === undefined ? ((before?.answers as Record<string, string>) ?? {}) : extra
    const unchanged =
      before &&
      before.score === answer.score &&
      before.comment === comment &&
      JSON.stringify(before.answers) === JSON.stringify(answers)
    if (unchanged) return page
    const settings = await loadFeedbackSettings(trx, inv.workspace_id)
    const customer = await trx
      .selectFrom('customers')
      .select('tier')
      .where('workspace_id', '=', inv.workspace_id)
      .where('id', '=', inv.customer_id)
      .executeTakeFirst()
    const keyword = matchIdeaKeyword(comment, settings.idea_keywords)
    const ideaId =
      before?.idea_id ??
      (keyword && comment ? await ensureIdea(trx, inv.workspace_id, ideaTitleFrom(comment)) : null)
    let row: Row<'survey_responses'>
    if (before) {
      row = await trx
        .updateTable('survey_responses')
        .set({
          score: answer.score,
          comment,
          answers: JSON.stringify(answers),
          updated_at: now,
          idea_id: ideaId,
        })
        .where('workspace_id', '=', inv.workspace_id)
        .where('id', '=', before.id)
        .returningAll()
        .executeTakeFirstOrThrow()
    } else {
      row = await trx
        .insertInto('survey_responses')
        .values({
          workspace_id: inv.workspace_id,
          id: newId(),
          invitation_id: inv.id,
          survey_id: survey.id,
          customer_id: inv.customer_id,
          kind: survey.kind,
          score: answer.score,
          comment,
          answers: JSON.stringify(answers),
          case_id: inv.case_id,
          channel: inv.channel,
          team_id: inv.team_id,
          agent_id: inv.agent_id,
          tier: customer?.tier ?? null,
          language: inv.language,
          answered_at: now,
          updated_at: now,
          idea_id: ideaId,
        })
        .returningAll()
        .executeTakeFirstOrThrow()
      await trx
        .updateTable('survey_invitations')
        .set({ status: 'answered' })
        .where('workspace_id', '=', inv.workspace_id)
        .where('id', '=', inv.id)
        .execute()
    }
    if (!row.follow_up_case_id && needsFollowUp(survey.kind, row.score, survey.follow_up_threshold))
      await openFollowUp(trx, row, settings, now)
    const { max } = SCALES[survey.kind]
    await appendTimelineEvent(trx, systemActor(inv.workspace_id), {
      customerId: inv.customer_id,
      type: before ? 'feedback.answer_changed' : 'feedback.answered',
      summary: `${survey.kind.toUpperCase()} ${row.score}/${max}${comment ? `: “${comment.slice(0, 140)}”` : ''}`,
      data: {
        surveyId: survey.id,
        responseId: row.id,
        kind: survey.kind,
        score: row.score,
        caseId: inv.case_id,
      },
      occurredAt: now,
    })
    return pageOf(found, row, now)
  })
}
