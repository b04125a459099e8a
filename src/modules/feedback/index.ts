/**
 * Feedback loop: NPS, CSAT and CES surveys in English, German and French, sent after resolved
 * cases, after purchases and periodically to a segment, through the outbox by email, answered
 * on a public page; unhappy answers open follow-up cases (closed loop), comments feed an ideas
 * inbox, and analytics give scores with confidence intervals by segment, tier, team, agent and
 * channel.
 */
import { registerCaseResolvedHook } from '../service/index.js'
import { onCaseResolved } from './on-case-resolved.js'

registerCaseResolvedHook(onCaseResolved)

export { answerSurvey, openSurveyPage, type SurveyAnswer, type SurveyPage } from './answer-survey.js'
export { FOLLOW_UP_TAG, UpdateLoopInput, updateLoopStatus } from './close-loop.js'
export { FeedbackError, type FeedbackErrorCode } from './feedback.errors.js'
export { AnalyticsQuery, AnalyticsView, feedbackAnalytics } from './feedback-analytics.js'
export { type FeedbackJobOptions, feedbackJobs, runFeedbackSweep } from './feedback-jobs.js'
export {
  FeedbackSettingsView,
  getFeedbackSettings,
  smtpUrlFor,
  UpdateFeedbackSettingsInput,
  updateFeedbackSettings,
} from './feedback-settings.js'
export { meanWithInterval, npsWithInterval, wilson } from './feedback-stats.js'
export {
  getIdea,
  IDEA_STATUSES,
  IdeasQuery,
  IdeaView,
  listIdeas,
  TagIdeaInput,
  tagResponseAsIdea,
  UpdateIdeaInput,
  updateIdea,
} from './ideas.js'
export { issueInvitation } from './issue-invitation.js'
export {
  LatestScoresView,
  latestScores,
  listResponses,
  ResponsesQuery,
  ResponseView,
} from './list-responses.js'
export { SendSurveyInput, SendSurveyResult, scheduleSurveys, sendSurvey } from './schedule-surveys.js'
export { sendDueInvitations } from './send-invitations.js'
export { LANGUAGES, SCALES } from './survey-templates.js'
export {
  createSurvey,
  getSurvey,
  listSurveys,
  SurveyInput,
  SurveyView,
  UpdateSurveyInput,
  updateSurvey,
} from './surveys.js'
