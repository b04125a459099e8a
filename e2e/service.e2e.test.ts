import fs from 'node:fs'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createUser, systemActor } from '../src/modules/platform/index.js'
import { createCase, createTeam } from '../src/modules/service/index.js'
import { startTestServer } from '../test/test-server.js'
import { launchBrowser, openPage } from './browser.js'

const WEB_INDEX = path.resolve(import.meta.dirname, '../web/dist/index.html')
const AGENT = { email: 'nadia@e2e.test', name: 'Nadia Okafor', password: 'a long agent password 1' }

let server: Awaited<ReturnType<typeof startTestServer>>
let browser: Browser
let urgent: { id: string; number: number }
let later: { id: string; number: number }
let customerFirstName: string
let customerName: string

// A team of one agent with two cases of their own: a critical repair (due first, with the demo's
// repair playbook and macro) and a low-urgency delivery question (due later).
beforeAll(async () => {
  if (!fs.existsSync(WEB_INDEX)) throw new Error('web/dist is missing: run `npm run build:web` first')
  server = await startTestServer()
  const ws = await server.db
    .selectFrom('workspaces')
    .select('id')
    .where('slug', '=', 'demo')
    .executeTakeFirstOrThrow()
  const actor = systemActor(ws.id)
  const agent = await createUser(server.db, actor, { ...AGENT, role: 'agent' })
  const team = await createTeam(server.db, actor, { name: 'E2E desk', members: [{ userId: agent.id }] })
  const customer = await server.db
    .selectFrom('customers')
    .select(['id', 'name'])
    .where('workspace_id', '=', ws.id)
    .where('kind', '=', 'person')
    .orderBy('id')
    .executeTakeFirstOrThrow()
  customerName = customer.name
  customerFirstName = customer.name.split(' ')[0] ?? customer.name
  const common = { channel: 'phone' as const, customerId: customer.id, teamId: team.id, assigneeId: agent.id }
  urgent = await createCase(server.db, actor, {
    ...common,
    subject: 'Grinder stopped mid-shot',
    category: 'Repairs',
    urgency: 'critical',
  })
  later = await createCase(server.db, actor, {
    ...common,
    subject: 'When does my parcel arrive?',
    category: 'Delivery',
    urgency: 'low',
  })
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

async function signIn(page: Page, email: string, password: string) {
  await page.goto('/')
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill(password)
  await page.getByLabel('Password').press('Enter')
  await page.getByRole('heading', { name: 'Customers', level: 1 }).waitFor()
}

/** The cells of the row whose header is `name` in a table. */
async function rowCells(page: Page, table: string, name: string) {
  const row = page
    .getByRole('table', { name: table })
    .getByRole('row')
    .filter({
      has: page.getByRole('rowheader', { name, exact: true }),
    })
  return row.getByRole('cell').allInnerTexts()
}

describe('service desk journey', () => {
  it('an agent works the top case of their queue by the playbook; the manager sees attainment change', async () => {
    // The manager's view before: the E2E desk has two cases waiting, none resolved.
    const manager = await openPage(browser, server.url)
    await signIn(manager.page, server.owner.email, server.owner.password)
    await manager.page.goto('/service/manager')
    await manager.page.getByRole('heading', { name: 'Queue health' }).waitFor()
    expect((await rowCells(manager.page, 'Queue health', 'E2E desk'))[0]).toBe('2')
    await manager.page.getByRole('button', { name: 'By team' }).click()
    await expect.poll(() => rowCells(manager.page, 'SLA attainment by team', 'E2E desk')).toHaveLength(6)
    const before = await rowCells(manager.page, 'SLA attainment by team', 'E2E desk')
    expect(before.slice(0, 2)).toEqual(['2', '0'])
    expect(before[3]).toBe('—')
    expect(await manager.page.locator('.chart svg').count()).toBe(1)

    // The agent's own queue: nearest deadline first, with timers that count down every second.
    const { page, problems } = await openPage(browser, server.url)
    await signIn(page, AGENT.email, AGENT.password)
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Service' }).click()
    await page.getByRole('button', { name: 'My queue', pressed: true }).waitFor()
    const queue = page.getByRole('table', { name: 'My queue' })
    await queue.getByRole('rowheader').first().waitFor()
    expect(await queue.getByRole('rowheader').allInnerTexts()).toEqual([
      expect.stringContaining(`#${urgent.number} Grinder stopped mid-shot`),
      expect.stringContaining(`#${later.number} When does my parcel arrive?`),
    ])
    const timer = queue.getByRole('row').nth(1).locator('[data-sla]')
    expect(await timer.getAttribute('data-sla')).toBe('ok')
    const first = await timer.innerText()
    expect(first).toMatch(/On time.*\d\d:\d\d left/s)
    await expect.poll(() => timer.innerText(), { timeout: 5000 }).not.toBe(first)

    // Keyboard: j down, k back up, Enter opens the top case; ? lists the shortcuts.
    await page.keyboard.press('?')
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor()
    await page.keyboard.press('Escape')
    await page.keyboard.press('j')
    expect(await queue.getByRole('row').nth(2).getAttribute('aria-current')).toBe('true')
    await page.keyboard.press('k')
    expect(await queue.getByRole('row').nth(1).getAttribute('aria-current')).toBe('true')
    await page.keyboard.press('Enter')
    await page
      .getByRole('heading', { name: `#${urgent.number} Grinder stopped mid-shot`, level: 1 })
      .waitFor()

    // Beside the conversation: who is asking, their tier, value and mood.
    const panel = page.getByRole('region', { name: 'Customer', exact: true })
    await panel.getByText(customerName, { exact: true }).waitFor()
    expect(await panel.getByRole('term').allInnerTexts()).toEqual(
      expect.arrayContaining(['Tier', 'Lifetime value', 'Latest satisfaction']),
    )

    await page
      .getByRole('region', { name: 'Goodwill' })
      .getByRole('button', { name: 'Grant goodwill' })
      .waitFor()

    // Resolving before the required steps: the API's 422 is shown.
    await page.getByRole('heading', { name: 'Playbook: Grinder or machine repair' }).waitFor()
    await page.keyboard.press('e')
    const refusal = page.getByRole('alert').filter({ hasText: /required/i })
    await refusal.waitFor()
    expect(problems.http).toEqual([
      { status: 401, method: 'GET', path: '/api/me' },
      { status: 422, method: 'POST', path: `/api/cases/${urgent.id}/status` },
    ])

    // A macro, filled in for this case, sent as the reply (it also moves the case to waiting).
    await page.getByLabel('Macro').selectOption({ label: 'Ask for the model' })
    const composer = page.getByLabel('Reply to the customer')
    await expect.poll(() => composer.inputValue()).toContain(`case #${urgent.number}`)
    expect(await composer.inputValue()).toContain(`Hi ${customerFirstName},`)
    expect(await composer.inputValue()).toContain(`— ${AGENT.name}`)
    await page.getByRole('button', { name: 'Send reply' }).click()
    const messages = page.getByRole('list', { name: 'Messages' })
    await messages.getByText(`Hi ${customerFirstName}, sorry your machine`).waitFor()
    await page.locator('.page-header').getByText('Waiting on customer').waitFor()
    expect(await composer.inputValue()).toBe('')

    // The required steps, ticked; then e resolves.
    for (const step of [
      'Note the model and serial number',
      'Check the warranty date against the purchase',
      'Send a prepaid repair label or a replacement part',
    ]) {
      const box = page.getByRole('checkbox', { name: new RegExp(step) })
      await box.click()
      await expect.poll(() => box.isChecked()).toBe(true)
    }
    await page.getByText('Ready to resolve').waitFor()
    await page.keyboard.press('e')
    await page.locator('.page-header').getByText('Resolved', { exact: true }).waitFor()
    await page.getByRole('button', { name: 'Reopen' }).waitFor()
    await page
      .getByRole('list', { name: 'Case history' })
      .getByText(/resolved/i)
      .first()
      .waitFor()

    // Back in the queue (u), only the later case is left.
    await page.keyboard.press('u')
    await queue.getByRole('rowheader').first().waitFor()
    expect(await queue.getByRole('rowheader').allInnerTexts()).toEqual([
      expect.stringContaining(`#${later.number}`),
    ])
    expect(problems.errors).toEqual([])

    // The manager refreshes: one fewer waiting, and the resolved case counts as met.
    await manager.page.getByRole('button', { name: 'Refresh' }).click()
    await expect.poll(async () => (await rowCells(manager.page, 'Queue health', 'E2E desk'))[0]).toBe('1')
    await expect
      .poll(async () => (await rowCells(manager.page, 'SLA attainment by team', 'E2E desk'))[1])
      .toBe('1')
    const after = await rowCells(manager.page, 'SLA attainment by team', 'E2E desk')
    expect(after.slice(0, 2)).toEqual(['2', '1'])
    expect(after[3]).toBe('100.0 % (1 of 1)')
    expect(manager.problems.errors).toEqual([])
  })

  it('opens a new case from the keyboard for a customer found by search', async () => {
    const { page, problems } = await openPage(browser, server.url)
    await signIn(page, AGENT.email, AGENT.password)
    await page.goto('/service')
    await page.getByRole('heading', { name: 'Service', level: 1 }).waitFor()
    await page.keyboard.press('c')
    await page.getByRole('heading', { name: 'New case', level: 1 }).waitFor()

    // Nothing chosen yet: the form says what is missing and sends nothing.
    await page.getByRole('button', { name: 'Open case' }).click()
    await page.getByText('Find and choose the customer.').waitFor()
    await page.getByText('Give the case a subject.').waitFor()

    await page.getByLabel('Customer', { exact: true }).fill(customerName)
    await page.getByRole('list', { name: 'Matching customers' }).getByRole('button').first().click()
    await page.getByLabel('Subject').fill('Steam wand leaks')
    await page.getByLabel('Category').fill('Repairs')
    await page.getByLabel('Urgency').selectOption('high')
    await page.getByRole('button', { name: 'Open case' }).click()

    const heading = page.getByRole('heading', { level: 1, name: /^#\d+ Steam wand leaks$/ })
    await heading.waitFor()
    await page.getByRole('heading', { name: 'Playbook: Grinder or machine repair' }).waitFor()
    expect(await page.locator('.page-header').innerText()).toContain(customerName)
    expect(problems.http).toEqual([{ status: 401, method: 'GET', path: '/api/me' }])
    expect(problems.errors).toEqual([])
  })
})
