import fs from 'node:fs'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCustomer } from '../src/modules/customers/index.js'
import { createUser, getWorkspaceBySlug, systemActor } from '../src/modules/platform/index.js'
import { startTestServer } from '../test/test-server.js'
import { launchBrowser, openPage } from './browser.js'

const WEB_INDEX = path.resolve(import.meta.dirname, '../web/dist/index.html')
const AGENT = { email: 'goodwill-agent@demo.test', password: 'agent password 1', name: 'Gita Agent' }
const MANAGER = { email: 'goodwill-manager@demo.test', password: 'manager password 1', name: 'Mo Manager' }

let server: Awaited<ReturnType<typeof startTestServer>>
let browser: Browser
let customerId: string

beforeAll(async () => {
  if (!fs.existsSync(WEB_INDEX)) throw new Error('web/dist is missing: run `npm run build:web` first')
  server = await startTestServer()
  browser = await launchBrowser()
  const ws = await getWorkspaceBySlug(server.db, 'demo')
  const actor = systemActor(ws.id)
  await createUser(server.db, actor, { ...AGENT, role: 'agent' })
  await createUser(server.db, actor, { ...MANAGER, role: 'manager' })
  // A silver customer: the demo's agent policy allows 50 per grant and 100 per customer a month.
  customerId = (await createCustomer(server.db, actor, { name: 'Gerda Goodwill', tier: 'silver' })).id
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

async function signIn(page: Page, who: { email: string; password: string }) {
  await page.goto('/')
  await page.getByLabel('Email').fill(who.email)
  await page.getByLabel('Password').fill(who.password)
  await page.getByLabel('Password').press('Enter')
  await page.getByRole('heading', { name: 'Customers', level: 1 }).waitFor()
}

async function grant(page: Page, amount: string, reason: string, button: 'Grant' | 'Request approval') {
  const card = page.getByRole('region', { name: 'Goodwill' })
  await card.getByRole('button', { name: 'Grant goodwill' }).click()
  const dialog = page.getByRole('dialog', { name: 'Grant goodwill' })
  await dialog.getByTestId('remaining').waitFor()
  await dialog.getByLabel('Action').selectOption({ label: 'Account credit' })
  await dialog.getByLabel('Amount').fill(amount)
  await dialog.getByLabel('Reason').fill(reason)
  await dialog.getByRole('button', { name: button, exact: true }).click()
  await dialog.waitFor({ state: 'detached' })
}

describe('empowerment journey', () => {
  it('an agent grants within the limit, then asks above it; the manager approves; both reach the timeline', async () => {
    const agent = await openPage(browser, server.url)
    await signIn(agent.page, AGENT)
    await agent.page.goto(`/customers/${customerId}`)
    await agent.page.getByRole('heading', { name: 'Gerda Goodwill', level: 1 }).waitFor()
    const card = agent.page.getByRole('region', { name: 'Goodwill' })
    await card.getByText('No goodwill granted yet.').waitFor()

    // The dialog shows the authority left before the agent acts.
    await card.getByRole('button', { name: 'Grant goodwill' }).click()
    const dialog = agent.page.getByRole('dialog', { name: 'Grant goodwill' })
    expect(await dialog.getByTestId('remaining').innerText()).toMatch(/50\.00/)
    await dialog.getByRole('button', { name: 'Cancel' }).click()

    await grant(agent.page, '20', 'Parcel arrived two days late', 'Grant')
    await card.getByRole('list', { name: 'Recent grants' }).getByText('Account credit').waitFor()
    // 80 is above what is left (30 for this customer): the dialog turns it into a request.
    await grant(agent.page, '80', 'Second late parcel; keep her', 'Request approval')
    await card.getByText('1 request awaiting approval').waitFor()
    const agentProblems = agent.problems
    await agent.context.close()

    const manager = await openPage(browser, server.url)
    await signIn(manager.page, MANAGER)
    await manager.page.getByRole('link', { name: 'Empowerment' }).click()
    await manager.page.getByRole('heading', { name: 'Approvals', level: 2 }).waitFor()
    const request = manager.page.getByRole('listitem', { name: /Gerda Goodwill/ })
    await request.getByText('“Second late parcel; keep her”').waitFor()
    await request.getByLabel('Reason for the decision').fill('Loyal customer')
    await request.getByRole('button', { name: 'Approve' }).click()
    await request.getByText('approved', { exact: true }).waitFor()

    // Both grants on the customer's timeline, the approved one with its request and decision.
    await manager.page.goto(`/customers/${customerId}`)
    const timeline = manager.page.getByRole('list', { name: 'Timeline events' })
    await timeline.getByText(/^Goodwill: Account credit, 80\.00 /).waitFor()
    await timeline.getByText(/^Goodwill: Account credit, 20\.00 /).waitFor()
    await timeline.getByText('Goodwill request approved: Account credit, 80.00').waitFor()
    expect(manager.problems.errors).toEqual([])
    // The one refusal: /api/me before signing in.
    const signedOut = [{ status: 401, method: 'GET', path: '/api/me' }]
    expect(manager.problems.http).toEqual(signedOut)
    expect(agentProblems.errors).toEqual([])
    expect(agentProblems.http).toEqual(signedOut)
    await manager.context.close()
  }, 120_000)
})
