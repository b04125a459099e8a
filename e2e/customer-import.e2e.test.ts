import fs from 'node:fs'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer } from '../test/test-server.js'
import { launchBrowser, openPage } from './browser.js'

const WEB_INDEX = path.resolve(import.meta.dirname, '../web/dist/index.html')

// A German CRM export: semicolons, and a customer number header no alias knows. The last two
// rows are one person entered twice (same email, the name spelled two ways).
const CSV = [
  'Kundennummer;Full Name;E-mail;Mobile;Notizen',
  'KD-100;Wilhelmina Sørensen;wilhelmina@example.dk;+45 32 12 34 56;VIP',
  'KD-101;Bartholomew Quince;bart@example.org;;',
  'KD-102;Henrietta Lockwood;henrietta.lockwood@example.org;;',
  'KD-103;Henriette Lockwood;Henrietta.Lockwood@example.org;;called twice',
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

describe('customer import mapping and duplicates', () => {
  it('maps an unknown header in the upload form, imports, then merges the duplicate it made', async () => {
    const { page, problems, context } = await openPage(browser, server.url)
    // A failing step names its locator instead of running into the test's time limit.
    context.setDefaultTimeout(40_000)
    await signIn(page)

    await page.getByRole('link', { name: 'Import' }).click()
    await page.getByRole('heading', { name: 'Import and export', level: 1 }).waitFor()
    await page.getByRole('radio', { name: 'Customers' }).check()
    await page.getByLabel('Separator').selectOption(';')
    await page.getByLabel('CSV file', { exact: true }).setInputFiles({
      name: 'crm-export.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(CSV),
    })

    // The header as the server would map it: three columns detected, two not.
    const mapping = page.getByRole('table', { name: 'How the file’s columns are imported' })
    await mapping.waitFor()
    const target = (header: string) => mapping.getByLabel(`Import “${header}” as`)
    expect(await target('Full Name').inputValue()).toBe('name')
    expect(await target('E-mail').inputValue()).toBe('email')
    expect(await target('Mobile').inputValue()).toBe('phone')
    expect(await target('Kundennummer').inputValue()).toBe('')
    expect(await target('Notizen').inputValue()).toBe('')
    await mapping
      .getByRole('row', { name: /Kundennummer/ })
      .getByText('KD-100')
      .waitFor()
    await page.getByRole('alert').getByText('Choose a column for external_id').waitFor()

    // The user maps the customer number; the upload then sends that mapping.
    await target('Kundennummer').selectOption('external_id')
    expect(await page.getByText('Choose a column for external_id').count()).toBe(0)
    await page.getByRole('button', { name: 'Upload and import' }).click()

    const job = page.getByRole('region', { name: 'crm-export.csv' })
    await job.getByRole('progressbar', { name: 'Import of crm-export.csv' }).waitFor()
    await job.getByText('Finished', { exact: true }).waitFor()
    expect(await job.getByRole('definition').allInnerTexts()).toEqual(['4', '0', '0', '0'])
    await job.getByText('external_id ← Kundennummer').waitFor()
    await job.getByText('Ignored: Notizen').waitFor()

    // The imported customer has the mapped id and the phone from "Mobile".
    await page.getByRole('link', { name: '← Customers' }).click()
    await page.getByLabel('Search customers').fill('KD-100')
    await page
      .getByRole('table', { name: 'Customers' })
      .getByRole('link', { name: 'Wilhelmina Sørensen' })
      .waitFor()

    // Duplicates, from the list page: the pair the file made, merged into the first record.
    await page.getByRole('link', { name: 'Duplicates' }).click()
    await page.getByRole('heading', { name: 'Duplicates and merges', level: 1 }).waitFor()
    const pairs = page.getByRole('table', { name: 'Likely duplicate customers, most likely first' })
    const pair = pairs.getByRole('row').filter({ hasText: 'Henriette Lockwood' })
    await pair.waitFor()
    expect(await pair.innerText()).toContain('Same email: henrietta.lockwood@example.org')
    await pair.getByRole('button', { name: /^Compare / }).click()

    const compare = page.getByRole('region', { name: /Henriett[ae] Lockwood and Henriett[ae] Lockwood/ })
    const sideBySide = compare.getByRole('table', { name: 'The two customers side by side' })
    await sideBySide.getByRole('cell', { name: 'KD-102' }).waitFor()
    await sideBySide.getByRole('cell', { name: 'KD-103' }).waitFor()
    // Keep KD-102, whichever side it is on.
    const keepColumn = (await sideBySide.getByRole('columnheader').allInnerTexts()).findIndex((t) =>
      t.startsWith('Henrietta Lockwood'),
    )
    await sideBySide
      .getByRole('radio', { name: 'Keep this one' })
      .nth(keepColumn - 1)
      .check()
    await compare
      .getByRole('button', { name: 'Merge Henriette Lockwood (KD-103) into Henrietta Lockwood (KD-102)' })
      .click()
    const dialog = page.getByRole('dialog', {
      name: /Merge Henriette Lockwood \(KD-103\) into Henrietta Lockwood/,
    })
    await dialog.getByRole('button', { name: 'Merge customers' }).click()
    await page.getByText('Henriette Lockwood has been merged into Henrietta Lockwood').waitFor()
    await pairs.getByRole('row').filter({ hasText: 'Henriette Lockwood' }).waitFor({ state: 'detached' })

    // The merge history: who merged which customer into which, and what moved.
    await page.getByRole('link', { name: 'Merge history' }).click()
    const history = page.getByRole('table', { name: 'Merges, newest first' })
    const entry = history.getByRole('row').nth(1)
    await entry.getByText('Henriette Lockwood').waitFor()
    expect(await entry.getByRole('cell').nth(0).innerText()).toContain('KD-103')
    expect(await entry.getByRole('link', { name: 'Henrietta Lockwood' }).getAttribute('href')).toMatch(
      /^\/customers\/[0-9a-f-]{36}$/,
    )
    const me = await page.evaluate(() => fetch('/api/me').then((r) => r.json()))
    expect(await entry.getByRole('cell').nth(2).innerText()).toBe(me.user.name)

    expect(problems.errors).toEqual([])
    expect(problems.http).toEqual([{ status: 401, method: 'GET', path: '/api/me' }])
    await context.close()
    // A long journey, on a machine that may be busy.
  }, 240_000)
})
