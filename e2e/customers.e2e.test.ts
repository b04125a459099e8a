import fs from 'node:fs'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer } from '../test/test-server.js'
import { launchBrowser, openPage, PHONE } from './browser.js'

const WEB_INDEX = path.resolve(import.meta.dirname, '../web/dist/index.html')

// Four customers, the third with an email that is not one: line 4 of the file (the header is line 1).
const CSV = [
  'external_id,name,email,phone,country',
  'E2E-1,Philippa Worthington,philippa.worthington@example.co.uk,+44 20 7946 0001,GB',
  'E2E-2,Zbigniew Kowalczyk,zbigniew@example.pl,,PL',
  'E2E-3,Bad Row Person,not-an-email,,DE',
  'E2E-4,Oluwaseun Adeyemi,seun@example.ng,,NG',
  '',
].join('\n')

let server: Awaited<ReturnType<typeof startTestServer>>
let browser: Browser

beforeAll(async () => {
  if (!fs.existsSync(WEB_INDEX)) throw new Error('web/dist is missing: run `npm run build:web` first')
  server = await startTestServer()
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

async function signIn(page: Page) {
  await page.goto('/')
  await page.getByLabel('Email').fill(server.owner.email)
  await page.getByLabel('Password').fill(server.owner.password)
  await page.getByLabel('Password').press('Enter')
  await page.getByRole('heading', { name: 'Customers', level: 1 }).waitFor()
}

describe('customer 360 journey', () => {
  it('imports a CSV with a bad row, finds a customer by a misspelled name and opens their page', async () => {
    const { page, problems, context } = await openPage(browser, server.url)
    await signIn(page)

    // The import page, from the list.
    await page.getByRole('link', { name: 'Import' }).click()
    await page.getByRole('heading', { name: 'Import and export', level: 1 }).waitFor()
    await page.getByRole('radio', { name: 'Customers' }).check()
    await page.getByLabel('CSV file', { exact: true }).setInputFiles({
      name: 'new-customers.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(CSV),
    })
    await page.getByLabel('Skip invalid rows').check()
    await page.getByRole('button', { name: 'Upload and import' }).click()

    // Progress, then the result: three new customers, one invalid row reported by its line.
    const job = page.getByRole('region', { name: 'new-customers.csv' })
    await job.getByRole('progressbar', { name: 'Import of new-customers.csv' }).waitFor()
    await job.getByText('Finished', { exact: true }).waitFor()
    expect(await job.getByRole('progressbar').getAttribute('value')).toBe('100')
    const counts = job.getByRole('definition')
    expect(await job.getByRole('term').allInnerTexts()).toEqual(['New', 'Updated', 'Unchanged', 'Invalid'])
    expect(await counts.allInnerTexts()).toEqual(['3', '0', '0', '1'])
    const errors = job.getByRole('table', { name: 'Rows with errors' })
    const badRow = errors.getByRole('row').nth(1)
    expect(await badRow.getByRole('rowheader').innerText()).toBe('4')
    expect((await badRow.innerText()).toLowerCase()).toContain('email')
    expect(await errors.getByRole('row').count()).toBe(2)
    expect(await job.getByRole('link', { name: 'Download errors.csv' }).getAttribute('href')).toMatch(
      /^\/api\/imports\/[\w-]+\/errors\.csv$/,
    )
    await page.getByRole('table', { name: 'Recent imports' }).getByText('new-customers.csv').waitFor()

    // A misspelled name still finds the customer (typo-tolerant search on the server).
    await page.getByRole('link', { name: '← Customers' }).click()
    await page.getByLabel('Search customers').fill('Philipa Worthingten')
    const customers = page.getByRole('table', { name: 'Customers' })
    await customers.getByRole('link', { name: 'Philippa Worthington' }).click()

    // The customer page: profile and timeline, and a note added to the timeline.
    await page.getByRole('heading', { name: 'Philippa Worthington', level: 1 }).waitFor()
    expect(page.url()).toMatch(/\/customers\/[0-9a-f-]{36}$/)
    const profile = page.getByRole('region', { name: 'Profile' })
    await profile.getByText('philippa.worthington@example.co.uk').waitFor()
    await profile.getByText('+442079460001').waitFor()
    await profile.getByText('GB', { exact: true }).waitFor()
    const timeline = page.getByRole('region', { name: 'Timeline' })
    await timeline.getByLabel('Note').fill('Called about a wholesale account; send the price list.')
    await timeline.getByRole('button', { name: 'Add note' }).click()
    await timeline
      .getByRole('list', { name: 'Timeline events' })
      .getByText('Called about a wholesale account; send the price list.')
      .waitFor()
    await page.getByRole('region', { name: 'Purchases' }).getByText('No purchases yet.').waitFor()

    expect(problems.errors).toEqual([])
    expect(problems.http).toEqual([{ status: 401, method: 'GET', path: '/api/me' }])
    await context.close()
  })

  it('keeps the customer list usable on a phone', async () => {
    const { page, problems, context } = await openPage(browser, server.url, PHONE)
    await signIn(page)
    const customers = page.getByRole('table', { name: 'Customers' })
    await customers.getByRole('link').first().waitFor()

    // Nothing sticks out sideways: the rows stack into cards at 390 px.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    expect(overflow).toBeLessThanOrEqual(0)
    const search = page.getByLabel('Search customers')
    expect(await search.isVisible()).toBe(true)
    const box = await search.boundingBox()
    expect(box?.width).toBeGreaterThan(300)

    await search.fill('Maple Street')
    await customers.getByRole('link', { name: 'Maple Street Diner' }).click()
    await page.getByRole('heading', { name: 'Maple Street Diner', level: 1 }).waitFor()
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(0)

    expect(problems.errors).toEqual([])
    expect(problems.http).toEqual([{ status: 401, method: 'GET', path: '/api/me' }])
    await context.close()
  })
})
