import fs from 'node:fs'
import path from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSurvey, issueInvitation } from '../src/modules/feedback/index.js'
import { getWorkspaceBySlug, systemActor } from '../src/modules/platform/index.js'
import { startTestServer } from '../test/test-server.js'
import { DESKTOP, launchBrowser, openPage, PHONE } from './browser.js'

const WEB_INDEX = path.resolve(import.meta.dirname, '../web/dist/index.html')

let server: Awaited<ReturnType<typeof startTestServer>>
let browser: Browser

beforeAll(async () => {
  if (!fs.existsSync(WEB_INDEX)) throw new Error('web/dist is missing: run `npm run build:web` first')
  server = await startTestServer()
  browser = await launchBrowser()
  // Seeding the whole demo workspace takes a while on a busy machine.
}, 300_000)

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

async function invitation(kind: 'nps' | 'csat') {
  const ws = await getWorkspaceBySlug(server.db, 'demo')
  const survey = await createSurvey(server.db, systemActor(ws.id), {
    name: `Phone test ${kind} ${Date.now()}`,
    kind,
    trigger: 'manual',
    questions: [{ id: 'improve', label: { en: 'What should we improve first?' } }],
  })
  const customer = await server.db
    .selectFrom('customers')
    .select(['id', 'name'])
    .where('workspace_id', '=', ws.id)
    .where('language', 'is', null)
    .orderBy('id')
    .executeTakeFirstOrThrow()
  const token = await issueInvitation(
    server.db,
    ws.id,
    { surveyId: survey.id, customerId: customer.id },
    new Date(),
  )
  return { ws, survey, customer, token }
}

describe('survey answer page on a phone', () => {
  it('answers an NPS survey at 390×844: large labelled scores, comment, thanks, answer stored', async () => {
    const { ws, survey, customer, token } = await invitation('nps')
    // A touch phone: taps, not clicks.
    const context = await browser.newContext({
      baseURL: server.url,
      viewport: PHONE,
      hasTouch: true,
      isMobile: true,
    })
    const page = await context.newPage()
    const errors: string[] = []
    page.on('pageerror', (err) => errors.push(err.message))
    page.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(msg.text())
    })
    await page.goto(`/s/${token}`)
    const group = page.getByRole('group', { name: /recommend us to a friend/ })
    await group.waitFor()
    // Nothing about the customer on the page, and no sideways scrolling on a phone.
    expect(await page.content()).not.toContain(customer.name)
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width)
    // Eleven scores, each a labelled radio with a tap target of at least 44 px.
    const radios = group.getByRole('radio')
    expect(await radios.count()).toBe(11)
    const box = await page.locator('label[for="score-8"]').boundingBox()
    expect(box!.height).toBeGreaterThanOrEqual(44)
    expect(box!.width).toBeGreaterThanOrEqual(44)
    await page.locator('label[for="score-8"]').tap()
    expect(await page.getByRole('radio', { name: '8' }).isChecked()).toBe(true)
    await page.getByLabel('Anything you would like to tell us?').fill('Quick delivery, but the app is slow.')
    await page.getByLabel('What should we improve first?').fill('The app')
    await page.getByRole('button', { name: 'Send' }).tap()
    await page.getByRole('status').getByText('Thank you!').waitFor()
    expect(await page.getByRole('radio', { name: '8' }).isChecked()).toBe(true)
    const stored = await server.db
      .selectFrom('survey_responses')
      .selectAll()
      .where('workspace_id', '=', ws.id)
      .where('survey_id', '=', survey.id)
      .execute()
    expect(stored).toHaveLength(1)
    expect(stored[0]).toMatchObject({
      score: 8,
      comment: 'Quick delivery, but the app is slow.',
      answers: { improve: 'The app' },
    })
    expect(errors).toEqual([])
    await context.close()
  })

  it('works without JavaScript, and a wrong link shows a friendly 404 page', async () => {
    const { ws, survey, token } = await invitation('csat')
    const context = await browser.newContext({
      baseURL: server.url,
      viewport: PHONE,
      javaScriptEnabled: false,
    })
    const page = await context.newPage()
    // The one-click link from the email records the score straight away.
    await page.goto(`/s/${token}?score=2`)
    await page.getByRole('status').getByText('Thank you!').waitFor()
    await page.getByLabel('5').check()
    await page.getByRole('button', { name: 'Send' }).click()
    await page.getByRole('status').getByText('Thank you!').waitFor()
    const stored = await server.db
      .selectFrom('survey_responses')
      .select(['score', 'follow_up_case_id'])
      .where('workspace_id', '=', ws.id)
      .where('survey_id', '=', survey.id)
      .executeTakeFirstOrThrow()
    // Changed to 5; the follow-up the 2 opened stays.
    expect(stored.score).toBe(5)
    expect(stored.follow_up_case_id).not.toBeNull()
    const res = await page.goto('/s/not-a-real-token-at-all')
    expect(res?.status()).toBe(404)
    await page.getByRole('heading', { name: 'Survey not found' }).waitFor()
    await context.close()
  })

  it('shows the demo feedback to the owner: analytics with intervals, follow-ups, ideas, the customer card', async () => {
    const { page, problems, context } = await openPage(browser, server.url, DESKTOP)
    await page.goto('/feedback')
    await page.getByLabel('Email').fill(server.owner.email)
    await page.getByLabel('Password').fill(server.owner.password)
    await page.getByLabel('Password').press('Enter')
    await page.getByRole('heading', { name: 'Feedback', level: 1 }).waitFor()
    const score = page.getByTestId('feedback-score')
    await score.waitFor()
    expect(await score.textContent()).toMatch(/^[+-]?\d+$/)
    await page
      .getByText(/95 % interval -?\d+ to -?\d+/)
      .first()
      .waitFor()
    await page.getByRole('img', { name: 'NPS per month' }).waitFor()
    await page.getByLabel('By').selectOption('channel')
    await page.getByRole('rowheader', { name: 'email' }).waitFor()

    await page.getByRole('link', { name: 'Follow-ups' }).click()
    await page.getByRole('link', { name: 'Follow-up case' }).first().waitFor()
    await page.getByRole('link', { name: 'Ideas' }).click()
    await page
      .getByText(/asked by \d+ customers?/)
      .first()
      .waitFor()

    // The customer page carries the latest scores beside the value card.
    const ws = await getWorkspaceBySlug(server.db, 'demo')
    const answered = await server.db
      .selectFrom('survey_responses')
      .select('customer_id')
      .where('workspace_id', '=', ws.id)
      .where('kind', '=', 'nps')
      .orderBy('answered_at', 'desc')
      .executeTakeFirstOrThrow()
    await page.goto(`/customers/${answered.customer_id}`)
    await page.getByRole('region', { name: 'Satisfaction' }).getByText('NPS').waitFor()
    expect(problems.errors).toEqual([])
    await context.close()
  })
})
