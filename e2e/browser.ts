import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core'

/** Debian's Chromium; tests never download a browser. */
const CHROMIUM = '/usr/bin/chromium'

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
]

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS })
}

export interface HttpRefusal {
  status: number
  method: string
  path: string
}

/** What a page said that a test did not ask for. */
export interface PageProblems {
  /** console.error/console.warning messages and uncaught exceptions. */
  errors: string[]
  /**
   * API answers with status >= 400. Chromium also logs each one to the console as "Failed to load
   * resource", which is not a fault of the page when the app expects and handles the status (a 401
   * from /api/me while signed out, a wrong password). Those console lines are left out of `errors`
   * and kept here with their status, so a test can assert exactly which refusals it provoked.
   */
  http: HttpRefusal[]
}

export const PHONE = { width: 390, height: 844 }
export const DESKTOP = { width: 1280, height: 800 }

/**
 * A fresh context (its own cookies) and page at `baseURL`, recording console errors and
 * warnings, page errors and refused API requests in `problems`.
 */
export async function openPage(
  browser: Browser,
  baseURL: string,
  viewport = DESKTOP,
): Promise<{ context: BrowserContext; page: Page; problems: PageProblems }> {
  const context = await browser.newContext({ baseURL, viewport })
  const page = await context.newPage()
  const problems: PageProblems = { errors: [], http: [] }
  page.on('console', (msg) => {
    const type = msg.type()
    if (type !== 'error' && type !== 'warning') return
    const url = msg.location().url
    const apiRefusal = /^Failed to load resource: the server responded with a status of \d+/.test(msg.text())
    if (apiRefusal && new URL(url, baseURL).pathname.startsWith('/api/')) return
    problems.errors.push(`${type}: ${msg.text()}${url ? ` (${url})` : ''}`)
  })
  page.on('pageerror', (err) => problems.errors.push(`pageerror: ${err.stack ?? err.message}`))
  page.on('response', (res) => {
    const url = new URL(res.url())
    if (res.status() >= 400) {
      const refusal = { status: res.status(), method: res.request().method(), path: url.pathname }
      // Non-API failures (a missing asset) are faults of the page.
      if (url.pathname.startsWith('/api/')) problems.http.push(refusal)
      else problems.errors.push(`http ${refusal.status}: ${refusal.method} ${refusal.path}`)
    }
  })
  return { context, page, problems }
}
