import { z } from 'zod'
import type { Executor, Row } from '../../db/database.js'
import { findOwned } from '../../db/find-owned.js'
import { newId } from '../../db/ids.js'
import { type Actor, recordAudit } from '../platform/index.js'
import { FeedbackError } from './feedback.errors.js'
import { LANGUAGES, SCALES } from './survey-templates.js'

const Texts = z
  .partialRecord(
    z.enum(LANGUAGES),
    z
      .object({
        subject: z.string().trim().min(1).max(200),
        question: z.string().trim().min(1).max(500),
        intro: z.string().trim().min(1).max(500),
        comment: z.string().trim().min(1).max(300),
      })
      .partial(),
  )
  .describe('Per-language overrides of the built-in texts (en, de, fr)')

const Question = z.object({
  id: z
    .string()
    .regex(/^[a-z][a-z0-9_]{0,30}$/)
    .describe('Stable key of the answer'),
  label: z
    .object({
      en: z.string().trim().min(1).max(300),
      de: z.string().trim().min(1).max(300).optional(),
      fr: z.string().trim().min(1).max(300).optional(),
    })
    .describe('Label per language; en required'),
})

const Base = z.object({
  name: z.string().trim().min(1).max(100),
  kind: z.enum(['nps', 'csat', 'ces']),
  trigger: z
    .enum(['case_resolved', 'purchase', 'periodic', 'manual'])
    .describe('case_resolved (CSAT/CES), purchase (N days after), periodic (relationship NPS for a segment)'),
  delayDays: z.number().int().min(0).max(365).default(0).describe('Days after the trigger before sending'),
  segmentId: z.uuid().nullable().default(null).describe('periodic: the segment asked'),
  periodDays: z
    .number()
    .int()
    .min(1)
    .max(3650)
    .nullable()
    .default(null)
    .describe('periodic: ask again after'),
  followUpThreshold: z
    .number()
    .int()
    .min(0)
    .max(10)
    .nullable()
    .default(null)
    .describe('Score that opens a follow-up (NPS ≤ 6, CSAT ≤ 2, CES ≥ 5 when null)'),
  questions: z.array(Question).max(5).default([]),
  texts: Texts.default({}),
  active: z.boolean().default(true),
})

export const SurveyInput = Base.refine((s) => s.trigger !== 'periodic' || (s.segmentId && s.periodDays), {
  path: ['segmentId'],
  message: 'a periodic survey needs segmentId and periodDays',
})
export type SurveyInput = z.input<typeof SurveyInput>
export const UpdateSurveyInput = Base.omit({ kind: true, trigger: true })
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'nothing to change')
export type UpdateSurveyInput = z.input<typeof UpdateSurveyInput>

export const SurveyView = Base.extend({
  id: z.uuid(),
  scale: z.object({ min: z.number().int(), max: z.number().int() }),
  createdAt: z.date(),
  updatedAt: z.date(),
})
export type SurveyView = z.infer<typeof SurveyView>

export const toSurveyView = (r: Row<'surveys'>): SurveyView => ({
  id: r.id,
  name: r.name,
  kind: r.kind,
  trigger: r.trigger,
  delayDays: r.delay_days,
  segmentId: r.segment_id,
  periodDays: r.period_days,
  followUpThreshold: r.follow_up_threshold,
  questions: r.questions as SurveyView['questions'],
  texts: r.texts as SurveyView['texts'],
  active: r.active,
  scale: { min: SCALES[r.kind].min, max: SCALES[r.kind].max },
  createdAt: r.created_at,
  updatedAt: r.updated_at,
})

export async function findSurvey(db: Executor, workspaceId: string, id: string): Promise<Row<'surveys'>> {
  const row = await findOwned(db, 'surveys', workspaceId, id)
  if (!row) throw new FeedbackError('SURVEY_NOT_FOUND', `survey ${id} not found`)
  return row
}

async function checkSegment(db: Executor, workspaceId: string, segmentId: string | null | undefined) {
  if (segmentId && !(await findOwned(db, 'segments', workspaceId, segmentId)))
    throw new FeedbackError('UNKNOWN_REFERENCE', 'no such segment', {
      fields: [{ path: 'segmentId', message: 'no such segment' }],
    })
}

export async function listSurveys(db: Executor, workspaceId: string): Promise<SurveyView[]> {
  const rows = await db
    .selectFrom('surveys')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .orderBy('name')
    .execute()
  return rows.map(toSurveyView)
}

export async function getSurvey(db: Executor, workspaceId: string, id: string): Promise<SurveyView> {
  return toSurveyView(await findSurvey(db, workspaceId, id))
}

export async function createSurvey(db: Executor, actor: Actor, input: SurveyInput): Promise<SurveyView> {
  const s = SurveyInput.parse(input)
  await checkSegment(db, actor.workspaceId, s.segmentId)
  const row = await db
    .insertInto('surveys')
    .values({
      workspace_id: actor.workspaceId,
      id: newId(),
      name: s.name,
      kind: s.kind,
      trigger: s.trigger,
      delay_days: s.delayDays,
      segment_id: s.segmentId,
      period_days: s.periodDays,
      follow_up_threshold: s.followUpThreshold,
      questions: JSON.stringify(s.questions),
      texts: JSON.stringify(s.texts),
      active: s.active,
    })
    .onConflict((oc) => oc.columns(['workspace_id', 'name']).doNothing())
    .returningAll()
    .executeTakeFirst()
  if (!row) throw new FeedbackError('NAME_TAKEN', `a survey named ${s.name} exists`)
  const view = toSurveyView(row)
  await recordAudit(db, actor, {
    action: 'survey.created',
    entityType: 'survey',
    entityId: row.id,
    after: view,
  })
  return view
}

export async function updateSurvey(
  db: Executor,
  actor: Actor,
  id: string,
  input: UpdateSurveyInput,
): Promise<SurveyView> {
  const s = UpdateSurveyInput.parse(input)
  const before = toSurveyView(await findSurvey(db, actor.workspaceId, id))
  await checkSegment(db, actor.workspaceId, s.segmentId)
  const row = await db
    .updateTable('surveys')
    .set({
      ...(s.name !== undefined ? { name: s.name } : {}),
      ...(s.delayDays !== undefined ? { delay_days: s.delayDays } : {}),
      ...(s.segmentId !== undefined ? { segment_id: s.segmentId } : {}),
      ...(s.periodDays !== undefined ? { period_days: s.periodDays } : {}),
      ...(s.followUpThreshold !== undefined ? { follow_up_threshold: s.followUpThreshold } : {}),
      ...(s.questions !== undefined ? { questions: JSON.stringify(s.questions) } : {}),
      ...(s.texts !== undefined ? { texts: JSON.stringify(s.texts) } : {}),
      ...(s.active !== undefined ? { active: s.active } : {}),
      updated_at: new Date(),
    })
    .where('workspace_id', '=', actor.workspaceId)
    .where('id', '=', before.id)
    .returningAll()
    .executeTakeFirstOrThrow()
    .catch((err: { code?: string }) => {
      if (err.code === '23505') throw new FeedbackError('NAME_TAKEN', `a survey named ${s.name} exists`)
      throw err
    })
  const after = toSurveyView(row)
  await recordAudit(db, actor, {
    action: 'survey.updated',
    entityType: 'survey',
    entityId: row.id,
    before,
    after,
  })
  return after
}
