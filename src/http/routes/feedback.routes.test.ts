import { afterAll, beforeAll, expect, it } from 'vitest'
import { describeEachDb, type TestWorkspace } from '../../../test/test-app.js'
import { runFeedbackSweep, smtpUrlFor } from '../../modules/feedback/index.js'
import { createEmailSender, deliverDueMessages } from '../../modules/outbox/index.js'
import { type ReceivedMail, startTestSmtpServer } from '../../modules/outbox/smtp-test-server.test-helper.js'
import { serviceClient } from '../../modules/service/service.test-helper.js'

const BASE = 'http://centric.test'
const DAY = 86_400_000

describeEachDb('feedback loop end to end', (t) => {
  let smtp: Awaited<ReturnType<typeof startTestSmtpServer>>
  beforeAll(async () => {
    smtp = await startTestSmtpServer()
  })
  afterAll(() => smtp.close())

  /** One pass of the background work: triggers and due invitations, then the outbox over SMTP. */
  async function backgroundPass(now: Date) {
    const sweep = await runFeedbackSweep(t.db, { now, baseUrl: BASE })
    const delivered = await deliverDueMessages(t.db, {
      now,
      senders: { email: createEmailSender((ws) => smtpUrlFor(t.db, ws, undefined)) },
    })
    return { sweep, delivered }
  }

  async function setUp(ws: TestWorkspace, settings: object = {}) {
    const api = serviceClient(t, ws.headers)
    const team = (await api.post('/api/service/teams', { name: 'Customer care' })).body
    // Round the clock (no calendar): due = opened + the target of the case's priority.
    await api.post('/api/service/policies', {
      name: 'Default',
      appliesTo: 'default',
      targets: {
        high: { firstResponse: 60, resolution: 480 },
        normal: { firstResponse: 240, resolution: 2880 },
      },
    })
    const s = await api.patch('/api/feedback/settings', {
      smtpUrl: smtp.url,
      quietStart: 0,
      quietEnd: 0,
      followUpTeamId: team.id,
      followUpPriority: 'high',
      ...settings,
    })
    expect(s.status).toBe(200)
    return { api, team }
  }

  const mailTo = (address: string): ReceivedMail[] => smtp.received.filter((m) => m.to.includes(address))
  const linkIn = (mail: ReceivedMail, score: number) => {
    const m = new RegExp(`${BASE}/s/([A-Za-z0-9_-]{43})\\?score=${score}\\b`).exec(mail.text)
    expect(m, mail.text).not.toBeNull()
    return { token: m![1]!, path: `/s/${m![1]}?score=${score}` }
  }

  it('resolve a case → outbox → SMTP → link → answer 3 → follow-up case with its SLA → CSAT changes', async () => {
    const ws = await t.newWorkspace()
    const { api, team } = await setUp(ws)
    const survey = await api.post('/api/feedback/surveys', {
      name: 'After a case',
      kind: 'csat',
      trigger: 'case_resolved',
      // This workspace follows up on a 3 too (the default for CSAT is 2 or less).
      followUpThreshold: 3,
      questions: [
        { id: 'reason', label: { en: 'What was the main reason?', de: 'Was war der Hauptgrund?' } },
      ],
    })
    expect(survey.status, JSON.stringify(survey.body)).toBe(201)
    const customer = (
      await api.post('/api/customers', { name: 'Greta Vogel', emails: ['greta@kunde.test'], language: 'de' })
    ).body
    const kase = (
      await api.post('/api/cases', {
        channel: 'phone',
        customerId: customer.id,
        subject: 'Grinder jams',
        teamId: team.id,
      })
    ).body
    const before = (await api.get('/api/feedback/analytics?kind=csat')).body
    expect(before.total.n).toBe(0)

    expect((await api.post(`/api/cases/${kase.id}/status`, { status: 'resolved' })).status).toBe(200)
    const now = new Date()
    const pass = await backgroundPass(now)
    expect(pass.sweep.invitations).toBe(1)
    expect(pass.delivered.sent).toBeGreaterThanOrEqual(1)
    const mails = mailTo('greta@kunde.test')
    expect(mails).toHaveLength(1)
    const mail = mails[0]!
    // German, because the customer's language is German.
    expect(mail.text).toContain('Wie zufrieden sind Sie')
    const { token, path } = linkIn(mail, 3)
    // Only the hash of the token is stored.
    const stored = await t.db
      .selectFrom('survey_invitations')
      .selectAll()
      .where('workspace_id', '=', ws.workspace.id)
      .execute()
    expect(stored).toHaveLength(1)
    expect(stored[0]!.token_hash).toMatch(/^[0-9a-f]{64}$/)
    expect(JSON.stringify(stored)).not.toContain(token)
    // Nor is the link kept in the outbox once the email is sent.
    const outbox = await t.db
      .selectFrom('outbox_messages')
      .selectAll()
      .where('workspace_id', '=', ws.workspace.id)
      .execute()
    expect(outbox.map((m) => m.status)).toEqual(['sent'])
    expect(JSON.stringify(outbox)).not.toContain(token)

    // One click on "3" in the email records it and shows the comment form.
    const click = await t.request({ method: 'GET', url: path })
    expect(click.statusCode).toBe(200)
    expect(click.headers['content-type']).toContain('text/html')
    expect(click.body).toContain('Vielen Dank')
    expect(click.body).toMatch(/id="score-3" value="3" checked/)
    expect(click.body).toContain('<fieldset>')
    expect(click.body).toContain('Was war der Hauptgrund?')
    // Following the link again changes nothing (a GET that writes must be idempotent).
    await t.request({ method: 'GET', url: path })
    const responses = (await api.get(`/api/feedback/responses?customerId=${customer.id}`)).body.items
    expect(responses).toHaveLength(1)
    expect(responses[0]).toMatchObject({
      kind: 'csat',
      score: 3,
      caseId: kase.id,
      loopStatus: 'open',
      channel: 'phone',
    })

    // The follow-up case: high priority, on the policy's high-priority targets, for the follow-up team.
    const followUp = (await api.get(`/api/cases/${responses[0].followUpCaseId}`)).body
    expect(followUp.priority).toBe('high')
    expect(followUp.teamId).toBe(team.id)
    expect(followUp.tags).toContain('feedback-follow-up')
    const opened = new Date(followUp.openedAt).getTime()
    expect(new Date(followUp.sla.firstResponse.dueAt).getTime() - opened).toBe(60 * 60_000)
    expect(new Date(followUp.sla.resolution.dueAt).getTime() - opened).toBe(480 * 60_000)

    // CSAT figures: 1 answer, 0 % satisfied (3 is not 4–5), Wilson upper bound for 0 of 1.
    const after = (await api.get('/api/feedback/analytics?kind=csat')).body
    expect(after.total.n).toBe(1)
    expect(after.total.value).toBe(0)
    const z = 1.959963984540054
    expect(after.total.high).toBeCloseTo((100 * (z * z)) / (1 + z * z), 6)
    expect(after.responseRate).toMatchObject({ invited: 1, answered: 1, rate: 1 })
    expect(after.closedLoop).toMatchObject({ followUps: 1, open: 1, resolved: 0, rate: 0 })

    // The form (no JavaScript): change the score to 5 and leave a comment that names an idea.
    const form = await t.request({
      method: 'POST',
      url: `/s/${token}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({
        score: '5',
        comment: 'I wish you had a live chat.',
        q_reason: 'speed',
      }).toString(),
    })
    expect(form.statusCode).toBe(200)
    const changed = (await api.get(`/api/feedback/responses?customerId=${customer.id}`)).body.items[0]
    expect(changed).toMatchObject({
      score: 5,
      comment: 'I wish you had a live chat.',
      answers: { reason: 'speed' },
    })
    const ideas = (await api.get('/api/feedback/ideas')).body.items
    expect(ideas).toHaveLength(1)
    expect(ideas[0]).toMatchObject({ title: 'I wish you had a live chat.', status: 'new' })
    expect(ideas[0].askedBy).toEqual([
      { customerId: customer.id, customerName: 'Greta Vogel', responseId: changed.id },
    ])
    expect((await api.get('/api/feedback/analytics?kind=csat')).body.total.value).toBe(100)

    // Resolving the follow-up closes the loop.
    expect((await api.post(`/api/cases/${followUp.id}/status`, { status: 'resolved' })).status).toBe(200)
    expect((await api.get('/api/feedback/analytics?kind=csat')).body.closedLoop).toMatchObject({
      resolved: 1,
      rate: 1,
    })

    // Latest score on the customer and the case, and the answer on the customer's timeline.
    const latest = (await api.get(`/api/customers/${customer.id}/feedback`)).body
    expect(latest.csat).toMatchObject({ score: 5 })
    expect((await api.get(`/api/cases/${kase.id}/feedback`)).body.csat).toMatchObject({ score: 5 })
    const timeline = (await api.get(`/api/customers/${customer.id}/timeline`)).body.items
    const types = timeline.map((e: { type: string }) => e.type)
    expect(types).toEqual(
      expect.arrayContaining(['feedback.survey_sent', 'outbox.sent', 'feedback.answered']),
    )
  })

  it('applies the fatigue rule across surveys, and a wrong token gets a 404 that says nothing', async () => {
    const ws = await t.newWorkspace()
    const { api } = await setUp(ws, { fatigueDays: 30 })
    await api.post('/api/feedback/surveys', { name: 'CSAT', kind: 'csat', trigger: 'case_resolved' })
    await api.post('/api/feedback/surveys', { name: 'CES', kind: 'ces', trigger: 'case_resolved' })
    const customer = (await api.post('/api/customers', { name: 'Tom Secret', emails: ['tom@secret.test'] }))
      .body
    for (const subject of ['First', 'Second']) {
      const c = (await api.post('/api/cases', { channel: 'email', customerId: customer.id, subject })).body
      await api.post(`/api/cases/${c.id}/status`, { status: 'resolved' })
    }
    const rows = await t.db
      .selectFrom('survey_invitations')
      .select(['status', 'status_reason'])
      .where('workspace_id', '=', ws.workspace.id)
      .orderBy('created_at')
      .orderBy('id')
      .execute()
    // Two surveys × two cases: only the very first invitation survives the 30-day rule.
    expect(rows.map((r) => r.status)).toEqual(['scheduled', 'suppressed', 'suppressed', 'suppressed'])
    expect(rows[1]!.status_reason).toContain('30 days')
    const pass = await backgroundPass(new Date())
    expect(mailTo('tom@secret.test'), JSON.stringify(pass)).toHaveLength(1)
    // A manual send is refused by the same rule.
    const manual = await api.post('/api/feedback/surveys', {
      name: 'Manual NPS',
      kind: 'nps',
      trigger: 'manual',
    })
    const sent = await api.post(`/api/feedback/surveys/${manual.body.id}/send`, {
      customerIds: [customer.id],
    })
    expect(sent.body).toMatchObject({ scheduled: 0, suppressed: [{ customerId: customer.id }] })

    for (const url of [
      '/s/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
      '/s/short',
      '/s/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA?score=1',
    ]) {
      const res = await t.request({ method: 'GET', url })
      expect(res.statusCode, url).toBe(404)
      expect(res.body).toContain('Survey not found')
      for (const secret of ['Tom', 'tom@secret.test', customer.id, ws.workspace.id, ws.workspace.slug])
        expect(res.body).not.toContain(secret)
    }
    const post = await t.request({
      method: 'POST',
      url: '/s/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'score=1',
    })
    expect(post.statusCode).toBe(404)
  })

  it('sends one reminder, respects quiet hours, and closes the survey when the token expires', async () => {
    const ws = await t.newWorkspace()
    const { api } = await setUp(ws, {
      quietStart: 21,
      quietEnd: 8,
      reminderDays: 3,
      closeDays: 14,
      fatigueDays: 0,
    })
    const survey = (await api.post('/api/feedback/surveys', { name: 'NPS', kind: 'nps', trigger: 'manual' }))
      .body
    // Tokyo: 22:30 UTC is 07:30 local, inside the quiet hours until 08:00 (23:00 UTC).
    const customer = (
      await api.post('/api/customers', {
        name: 'Aiko',
        emails: ['aiko@tokyo.test'],
        timezone: 'Asia/Tokyo',
        language: 'fr',
      })
    ).body
    const at = new Date('2030-01-15T22:30:00Z')
    const { sendSurvey } = await import('../../modules/feedback/index.js')
    await sendSurvey(t.db, ws.workspace.id, survey.id, { customerIds: [customer.id] }, at)
    await backgroundPass(at)
    expect(mailTo('aiko@tokyo.test')).toHaveLength(0)
    const inv = () =>
      t.db
        .selectFrom('survey_invitations')
        .selectAll()
        .where('workspace_id', '=', ws.workspace.id)
        .executeTakeFirstOrThrow()
    expect((await inv()).send_after.toISOString()).toBe('2030-01-15T23:00:00.000Z')
    const sentAt = new Date('2030-01-15T23:00:00Z')
    await backgroundPass(sentAt)
    expect(mailTo('aiko@tokyo.test')).toHaveLength(1)
    expect(mailTo('aiko@tokyo.test')[0]!.text).toContain('recommandiez')
    // Two days later: no reminder yet; three days later (in daytime Tokyo): exactly one.
    await backgroundPass(new Date(sentAt.getTime() + 2 * DAY))
    expect(mailTo('aiko@tokyo.test')).toHaveLength(1)
    await backgroundPass(new Date(sentAt.getTime() + 3 * DAY))
    await backgroundPass(new Date(sentAt.getTime() + 4 * DAY))
    const mails = mailTo('aiko@tokyo.test')
    expect(mails).toHaveLength(2)
    expect(mails[1]!.subject).toContain('reminder')
    // Both links answer the same invitation until the survey closes; then a friendly page.
    const first = linkIn(mails[0]!, 9)
    const reminder = linkIn(mails[1]!, 7)
    expect(first.token).not.toBe(reminder.token)
    const { answerSurvey, openSurveyPage } = await import('../../modules/feedback/index.js')
    const beforeClose = new Date(sentAt.getTime() + 13 * DAY)
    expect((await answerSurvey(t.db, first.token, { score: 9 }, beforeClose)).state).toBe('open')
    expect((await answerSurvey(t.db, reminder.token, { score: 7 }, beforeClose)).state).toBe('open')
    const rows = await t.db
      .selectFrom('survey_responses')
      .selectAll()
      .where('workspace_id', '=', ws.workspace.id)
      .execute()
    expect(rows.map((r) => r.score)).toEqual([7])
    const closed = new Date(sentAt.getTime() + 14 * DAY)
    expect((await openSurveyPage(t.db, first.token, closed)).state).toBe('closed')
    expect((await answerSurvey(t.db, first.token, { score: 1 }, closed)).state).toBe('closed')
    // Through HTTP: once the closing time has passed, a friendly page in the customer's language.
    await t.db
      .updateTable('survey_invitations')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('workspace_id', '=', ws.workspace.id)
      .execute()
    for (const url of [`/s/${first.token}`, `/s/${reminder.token}?score=2`]) {
      const res = await t.request({ method: 'GET', url })
      expect(res.statusCode).toBe(410)
      expect(res.body).toContain('Cette enquête est close')
      expect(res.body).not.toContain('Aiko')
    }
    expect(rows.map((r) => r.score)).toEqual([7])
  })
})
