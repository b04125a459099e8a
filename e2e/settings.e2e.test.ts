import fs from 'node:fs'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer } from '../test/test-server.js'
import { launchBrowser, openPage, PHONE } from './browser.js'

const WEB_INDEX = path.resolve(import.meta.dirname, '../web/dist/index.html')

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

async function signIn(page: Page, email: string, password: string) {
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill(password)
  await page.getByLabel('Password').press('Enter')
}

describe('settings journey', () => {
  it('signs in as the owner, adds a user, creates and revokes an API token, and signs out', async () => {
    const { page, problems, context } = await openPage(browser, server.url)
    await page.goto('/settings/users')

    // Signed out, any address shows the login page; after sign-in the app returns to it.
    await page.getByRole('heading', { name: 'Sign in' }).waitFor()
    expect(new URL(page.url()).pathname).toBe('/login')
    await signIn(page, server.owner.email, server.owner.password)
    await page.getByRole('heading', { name: 'Users', level: 2 }).waitFor()
    expect(new URL(page.url()).pathname).toBe('/settings/users')
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).waitFor()
    await page.getByRole('banner').getByText('Demo Company').waitFor()

    // A new user, added through the form, appears in the table with the chosen role.
    await page.getByRole('button', { name: 'New user' }).click()
    const form = page.getByRole('form', { name: 'New user' })
    await form.getByLabel('Email').fill('rosa.diaz@example.com')
    await form.getByLabel('Name').fill('Rosa Diaz')
    await form.getByLabel('Role').selectOption('analyst')
    await form.getByLabel('Password').fill('a-long-enough-password')
    await form.getByRole('button', { name: 'Create user' }).click()
    const rosa = page.getByRole('row', { name: /Rosa Diaz/ })
    await rosa.getByText('rosa.diaz@example.com').waitFor()
    expect(await rosa.getByRole('combobox', { name: 'Role of Rosa Diaz' }).inputValue()).toBe('analyst')
    await page.getByRole('status').getByText('Rosa Diaz has been added as an analyst.').waitFor()

    // Role change and deactivation (after a confirmation) act on the row in place.
    await rosa.getByRole('combobox', { name: 'Role of Rosa Diaz' }).selectOption('agent')
    await page.getByRole('status').getByText('Rosa Diaz is now an agent.').waitFor()
    await rosa.getByRole('button', { name: 'Deactivate Rosa Diaz' }).click()
    await page
      .getByRole('dialog', { name: 'Deactivate Rosa Diaz?' })
      .getByRole('button', { name: 'Deactivate' })
      .click()
    await rosa.getByText('inactive', { exact: true }).waitFor()
    await rosa.getByRole('button', { name: 'Reactivate Rosa Diaz' }).waitFor()

    // A new API token shows its secret once, in a read-only field.
    await page.getByRole('link', { name: 'API tokens' }).click()
    await page.getByRole('button', { name: 'New token' }).click()
    await page.getByLabel('Token name').fill('Nightly CRM sync')
    await page.getByLabel('Token name').press('Enter')
    const secretField = page.getByLabel('Token secret')
    await secretField.waitFor()
    const secret = await secretField.inputValue()
    expect(secret).toMatch(/^ctk_/)
    expect(await secretField.getAttribute('readonly')).not.toBeNull()
    await page.getByText('This secret will not be shown again.').waitFor()
    await page.getByRole('button', { name: 'Done' }).click()
    await secretField.waitFor({ state: 'detached' })
    expect(await page.content()).not.toContain(secret)

    // Revoking asks first, then marks the token revoked.
    const token = page.getByRole('row', { name: /Nightly CRM sync/ })
    await token.getByText('active', { exact: true }).waitFor()
    await token.getByRole('button', { name: 'Revoke Nightly CRM sync' }).click()
    const dialog = page.getByRole('dialog', { name: 'Revoke “Nightly CRM sync”?' })
    await dialog.getByRole('button', { name: 'Revoke token' }).click()
    await token.getByText('revoked', { exact: true }).waitFor()
    expect(await token.getByRole('button', { name: /Revoke/ }).count()).toBe(0)

    await page.getByRole('button', { name: 'Sign out' }).click()
    await page.getByRole('heading', { name: 'Sign in' }).waitFor()
    expect(new URL(page.url()).pathname).toBe('/login')

    // The session is gone on the server too: a reload stays on the login page.
    await page.reload()
    await page.getByRole('heading', { name: 'Sign in' }).waitFor()

    expect(problems.errors).toEqual([])
    expect(problems.http).toEqual([
      { status: 401, method: 'GET', path: '/api/me' },
      { status: 401, method: 'GET', path: '/api/me' },
    ])
    await context.close()
  })

  it('shows why a sign-in failed when the password is wrong', async () => {
    const { page, problems, context } = await openPage(browser, server.url)
    await page.goto('/')
    await signIn(page, server.owner.email, 'not-the-password')
    const error = page.getByText('Wrong email or password.')
    await error.waitFor()
    expect(new URL(page.url()).pathname).toBe('/login')
    expect(await page.getByRole('button', { name: 'Sign in' }).isEnabled()).toBe(true)

    expect(problems.errors).toEqual([])
    expect(problems.http).toEqual([
      { status: 401, method: 'GET', path: '/api/me' },
      { status: 401, method: 'POST', path: '/api/auth/login' },
    ])
    await context.close()
  })

  it('folds the navigation into a menu on a phone', async () => {
    const { page, problems, context } = await openPage(browser, server.url, PHONE)
    await page.goto('/')
    await signIn(page, server.owner.email, server.owner.password)
    await page.getByRole('heading', { name: 'Customers', level: 1 }).waitFor()

    const nav = page.getByRole('navigation', { name: 'Main' })
    expect(await nav.isVisible()).toBe(false)
    await page.getByRole('button', { name: 'Open menu' }).click()
    await nav.getByRole('link', { name: 'Value' }).click()
    await page.getByRole('heading', { name: 'Value', level: 1 }).waitFor()
    // The Value page's own requests have answered, so a refusal among them would show below.
    await page.waitForLoadState('networkidle')
    expect(new URL(page.url()).pathname).toBe('/value')
    await nav.waitFor({ state: 'hidden' })

    expect(problems.errors).toEqual([])
    expect(problems.http).toEqual([{ status: 401, method: 'GET', path: '/api/me' }])
    await context.close()
  })
})
