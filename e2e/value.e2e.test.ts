import fs from 'node:fs'
import path from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ensureWorkspaceWithOwner } from '../src/modules/platform/index.js'
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

async function signIn(page: Page, owner = server.owner) {
  await page.goto('/')
  await page.getByLabel('Email').fill(owner.email)
  await page.getByLabel('Password').fill(owner.password)
  await page.getByLabel('Password').press('Enter')
  await page.getByRole('heading', { name: 'Customers', level: 1 }).waitFor()
}

/** The API's answer, read with the signed-in browser's own session. */
async function apiGet<T>(context: BrowserContext, url: string): Promise<T> {
  const res = await context.request.get(url)
  expect(res.status()).toBe(200)
  return (await res.json()) as T
}

/** Formats as the page does: the browser's Intl, so the locale is the page's. */
const inPage = {
  money: (page: Page, amount: string, currency: string) =>
    page.evaluate(
      ([a, c]) =>
        new Intl.NumberFormat(undefined, { style: 'currency', currency: c }).format(a as unknown as number),
      [amount, currency] as const,
    ),
  number: (page: Page, n: number) => page.evaluate((v) => new Intl.NumberFormat().format(v), n),
  percent: (page: Page, share: number) =>
    page.evaluate(
      (v) => new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 1 }).format(v),
      share,
    ),
  decimal: (page: Page, n: number, digits: number) =>
    page.evaluate(
      ([v, d]) =>
        new Intl.NumberFormat(undefined, { minimumFractionDigits: d, maximumFractionDigits: d }).format(v),
      [n, digits] as const,
    ),
}

interface Summary {
  runId: string
  customers: number
  totals: { clv: string }
  clvHistogram: { customers: number }[]
  rfmGrid: { recency: number; frequency: number; customers: number }[]
  profitPoints: { customerId: string; clv: number }[]
}

interface Run {
  id: string
  status: string
  customersScored: number | null
  options: { holdoutEnd?: string }
  result: {
    logLikelihood: number
    params: Record<string, number>
    holdout: { actualTotal: number; predictedTotal: number } | null
  } | null
}

interface Card {
  clv: string
  pAlive: number
  netProfit: string
  costToServe: string
  predictedNetProfit: string
  rfm: { segment: string; recency: number; frequency: number; monetary: number }
}

describe('value journey', () => {
  it('scores the workspace from the UI, shows the charts with captions that match the API, and the value card', async () => {
    const { page, problems, context } = await openPage(browser, server.url)
    await signIn(page)
    const me = await apiGet<{ workspace: { currency: string } }>(context, '/api/me')
    const currency = me.workspace.currency
    const before = await apiGet<{ items: Run[] }>(context, '/api/value/runs')

    // Score now, from the Value page, and follow the run to the end.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Value' }).click()
    await page.getByRole('heading', { name: 'Value', level: 1 }).waitFor()
    await page.getByRole('button', { name: 'Score now' }).click()
    await page.getByRole('progressbar', { name: 'Value scoring' }).waitFor()
    await page.getByText('Finished', { exact: true }).waitFor({ timeout: 60_000 })
    expect(await page.getByRole('progressbar', { name: 'Value scoring' }).getAttribute('value')).toBe('100')

    const runs = await apiGet<{ items: Run[] }>(context, '/api/value/runs')
    expect(runs.items.length).toBe(before.items.length + 1)
    const latest = runs.items[0]!
    expect(latest.status).toBe('succeeded')
    const summary = await apiGet<Summary>(context, '/api/value/summary')
    expect(summary.runId).toBe(latest.id)
    expect(summary.customers).toBe(latest.customersScored)

    // The totals and the charts: drawn (SVG) and described in words with the API's figures.
    const totals = page.locator('dl[aria-label="Value totals"] dd')
    await page.getByText(await inPage.money(page, summary.totals.clv, currency), { exact: true }).waitFor()
    expect(await totals.first().innerText()).toBe(await inPage.number(page, summary.customers))
    const clv = page.getByRole('figure', { name: 'CLV distribution' })
    await clv.locator('svg').first().waitFor()
    const clvCaption = await clv.locator('figcaption').innerText()
    expect(clvCaption).toContain(`${await inPage.number(page, summary.customers)} scored customers`)
    expect(clvCaption).toContain(`total CLV of ${await inPage.money(page, summary.totals.clv, currency)}`)
    const peak = Math.max(...summary.clvHistogram.map((b) => b.customers))
    expect(clvCaption).toContain(`with ${await inPage.number(page, peak)} customers`)

    const rfm = page.getByRole('figure', { name: 'RFM grid' })
    await rfm.locator('svg').first().waitFor()
    const top = [...summary.rfmGrid].sort((a, b) => b.customers - a.customers)[0]!
    const rfmCaption = await rfm.locator('figcaption').innerText()
    expect(rfmCaption).toContain(`R ${top.recency} · F ${top.frequency}`)
    expect(rfmCaption).toContain(`with ${await inPage.number(page, top.customers)} customers`)

    const quadrant = page.getByRole('figure', { name: 'Profit vs cost-to-serve' })
    await quadrant.locator('svg').first().waitFor()
    expect(await quadrant.locator('figcaption').innerText()).toContain(
      `A sample of ${await inPage.number(page, summary.profitPoints.length)} of ${await inPage.number(page, summary.customers)} scored customers`,
    )

    // The table alternative holds the same numbers as the chart.
    await clv.getByRole('button', { name: 'Show table' }).click()
    const bins = clv.getByRole('table', { name: 'CLV distribution' })
    expect(await bins.locator('tbody tr').count()).toBe(summary.clvHistogram.length)
    const counts = await bins.locator('tbody td').allInnerTexts()
    expect(counts).toEqual(
      await Promise.all(summary.clvHistogram.map((b) => inPage.number(page, b.customers))),
    )
    expect(await clv.getByRole('button', { name: 'Show chart' }).getAttribute('aria-pressed')).toBe('true')

    // Models: the latest run's parameters and log-likelihood, as the API reports them.
    await page.getByRole('link', { name: 'Models and runs' }).click()
    const params = page.getByRole('table', { name: 'BG/NBD (purchases)' })
    await params.waitFor()
    const ll = await inPage.decimal(page, latest.result!.logLikelihood, 2)
    await params
      .getByRole('row', { name: /Log-likelihood/ })
      .getByText(ll, { exact: true })
      .waitFor()
    const r = await inPage.decimal(page, latest.result!.params.r!, 4)
    await params.getByRole('row', { name: /^r / }).getByText(r, { exact: true }).waitFor()

    // Evaluate both models on a holdout (the form proposes the last 90 days): calibration plots
    // and the comparison, with the API's totals in the captions.
    await page.getByLabel('Purchase model').selectOption('both')
    expect(await page.getByLabel('Holdout end').inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    await page.getByRole('button', { name: 'Evaluate' }).click()
    const comparison = page.getByRole('table', { name: 'Model comparison on the holdout' })
    await comparison.waitFor({ timeout: 90_000 })
    const evaluations = (await apiGet<{ items: Run[] }>(context, '/api/value/runs')).items.slice(0, 2)
    expect(evaluations.map((e) => [e.status, e.options.holdoutEnd !== undefined])).toEqual([
      ['succeeded', true],
      ['succeeded', true],
    ])
    const pareto = evaluations[0]!.result!.holdout!
    const byFrequency = page.getByRole('figure', { name: 'Holdout by purchase frequency' })
    await byFrequency.locator('svg').first().waitFor()
    const holdoutCaption = await byFrequency.locator('figcaption').innerText()
    expect(holdoutCaption).toContain(
      `customers made ${await inPage.number(page, pareto.actualTotal)} repeat purchases`,
    )
    expect(holdoutCaption).toContain(
      `Pareto/NBD predicted ${await inPage.decimal(page, pareto.predictedTotal, 1)}`,
    )
    expect(holdoutCaption).toContain(
      `BG/NBD predicted ${await inPage.decimal(page, evaluations[1]!.result!.holdout!.predictedTotal, 1)}`,
    )
    await page.getByRole('figure', { name: 'Cumulative repeat purchases' }).locator('svg').first().waitFor()
    expect(await comparison.locator('tbody tr').count()).toBe(2)

    // The customer with the highest CLV in the chart sample: their value card matches the API.
    const best = [...summary.profitPoints].sort((a, b) => b.clv - a.clv)[0]!
    const card = await apiGet<Card>(context, `/api/customers/${best.customerId}/value`)
    await page.goto(`/customers/${best.customerId}`)
    const value = page.getByRole('region', { name: 'Value' })
    const predictions = value.locator('dl[aria-label="Predictions"]')
    await predictions.waitFor()
    const figures = await predictions.locator('dd').allInnerTexts()
    expect(figures[0]).toBe(await inPage.money(page, card.clv, currency))
    expect(figures[1]).toBe(await inPage.percent(page, card.pAlive))
    const netProfit = value.getByRole('row', { name: /Net profit/ })
    expect(await netProfit.getByRole('cell').allInnerTexts()).toEqual([
      await inPage.money(page, card.netProfit, currency),
      await inPage.money(page, card.predictedNetProfit, currency),
    ])
    const costToServe = value.getByRole('row', { name: /Cost-to-serve/ })
    expect((await costToServe.getByRole('cell').allInnerTexts())[0]).toBe(
      await inPage.money(page, card.costToServe, currency),
    )
    await value
      .getByText(`R ${card.rfm.recency} · F ${card.rfm.frequency} · M ${card.rfm.monetary}`)
      .waitFor()

    expect(problems.errors).toEqual([])
    expect(problems.http).toEqual([{ status: 401, method: 'GET', path: '/api/me' }])
    await context.close()
  })

  it('edits the tier rules: a sum other than 100% is refused, a valid change re-tiers the customers', async () => {
    const { page, problems, context } = await openPage(browser, server.url)
    await signIn(page)
    await page.goto('/value/tiers')
    const form = page.getByRole('form', { name: 'Tier rules' })
    await form.getByLabel('Share of tier 2 (%)').fill('10')
    await form.getByRole('button', { name: 'Save and re-tier' }).click()
    await form.getByRole('alert').getByText('Percents add up to 95, not 100.').waitFor()

    await form.getByLabel('Share of tier 3 (%)').fill('35')
    await form.getByRole('button', { name: 'Save and re-tier' }).click()
    await page.getByText(/^Tier rules saved; [\d,]+ customers changed tier\.$/).waitFor()
    const rules = await apiGet<{ tiers: { name: string; percent: number }[] }>(context, '/api/value/tiers')
    expect(rules.tiers).toEqual([
      { name: 'platinum', percent: 5 },
      { name: 'gold', percent: 10 },
      { name: 'silver', percent: 35 },
      { name: 'bronze', percent: 50 },
    ])
    // The counts per tier follow the new rules, as the API reports them.
    const summary = await apiGet<{ tiers: { tier: string | null; customers: number }[] }>(
      context,
      '/api/value/summary',
    )
    const perTier = page.getByRole('table', { name: 'Scored customers and CLV per tier' })
    const gold = summary.tiers.find((t) => t.tier === 'gold')!
    await perTier
      .getByRole('row', { name: /^Gold / })
      .getByText(await inPage.number(page, gold.customers), { exact: true })
      .waitFor()

    expect(problems.errors).toEqual([])
    expect(problems.http).toEqual([
      { status: 401, method: 'GET', path: '/api/me' },
      { status: 400, method: 'PUT', path: '/api/value/tiers' },
    ])
    await context.close()
  })

  it('lists over-served customers by the thresholds saved on the service-fit page, linking to them', async () => {
    const { page, problems, context } = await openPage(browser, server.url)
    await signIn(page)
    await page.goto('/value/service-fit')
    await page.getByText('Thresholds', { exact: true }).click()
    const form = page.getByRole('form', { name: 'Service-fit thresholds' })
    await form.getByLabel('Over-served above (% of gross margin)').fill('1')
    await form.getByRole('button', { name: 'Save thresholds' }).click()
    await page.getByText('Cost-to-serve above 1% of gross margin, the largest excess first.').waitFor()
    const settings = await apiGet<{ overServedShare: number }>(context, '/api/value/service-fit/settings')
    expect(settings.overServedShare).toBe(0.01)

    const over = await apiGet<{ items: { customerId: string; name: string }[] }>(
      context,
      '/api/value/service-fit?kind=over&limit=50',
    )
    const table = page.getByRole('table', { name: 'Over-served customers' })
    if (over.items.length === 0) {
      await table.getByText('Nobody is over-served.').waitFor()
    } else {
      const first = over.items[0]!
      await table.getByRole('link', { name: first.name }).first().waitFor()
      expect(await table.locator('tbody tr').count()).toBe(over.items.length)
      await table.getByRole('link', { name: first.name }).first().click()
      await page.getByRole('heading', { name: first.name, level: 1 }).waitFor()
      expect(page.url()).toContain(`/customers/${first.customerId}`)
    }

    expect(problems.errors).toEqual([])
    expect(problems.http).toEqual([{ status: 401, method: 'GET', path: '/api/me' }])
    await context.close()
  })

  it('keeps the Value page within a phone screen', async () => {
    const { page, problems, context } = await openPage(browser, server.url, PHONE)
    await signIn(page)
    await page.goto('/value')
    await page.getByRole('figure', { name: 'RFM grid' }).locator('svg').first().waitFor()
    await page.getByRole('figure', { name: 'Profit vs cost-to-serve' }).locator('svg').first().waitFor()
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(0)
    const svgWidth = await page
      .getByRole('figure', { name: 'CLV distribution' })
      .locator('svg')
      .first()
      .evaluate((el) => el.getBoundingClientRect().width)
    expect(svgWidth).toBeGreaterThan(250)
    expect(svgWidth).toBeLessThanOrEqual(390)

    // Every section of the page fits: runs stack into cards, forms into one column.
    const sections = [
      { link: 'Models and runs', ready: page.getByRole('heading', { name: 'Runs' }) },
      { link: 'Tiers', ready: page.getByRole('heading', { name: 'Tier rules' }) },
      { link: 'Service fit', ready: page.getByRole('heading', { name: 'Over-served customers' }) },
    ]
    for (const section of sections) {
      await page.getByRole('link', { name: section.link }).click()
      await section.ready.waitFor()
      expect(
        await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
        section.link,
      ).toBeLessThanOrEqual(0)
    }

    expect(problems.errors).toEqual([])
    expect(problems.http).toEqual([{ status: 401, method: 'GET', path: '/api/me' }])
    await context.close()
  })

  it('offers to run scoring on the value card of a workspace never scored, and shows the scores once done', async () => {
    const fresh = await ensureWorkspaceWithOwner(server.db, { slug: 'value-fresh', name: 'Fresh Shop' })
    const owner = fresh.owner!
    const { page, problems, context } = await openPage(browser, server.url)
    await signIn(page, owner)
    const me = await apiGet<{ csrfToken: string; workspace: { currency: string } }>(context, '/api/me')
    // Thirty customers over 2025, the i-th buying every (i mod 4 + 1) months: repeat buyers for the spend model.
    const rows = Array.from({ length: 30 }, (_, i) =>
      Array.from({ length: 1 + (i % 5) }, (_, k) => ({
        externalId: `F-${i}-${k}`,
        customerExternalId: `FC-${i}`,
        occurredAt: new Date(Date.UTC(2025, (k * ((i % 4) + 1)) % 12, 1 + i)).toISOString(),
        amount: `${20 + i}.50`,
        cost: `${10 + (i % 7)}.00`,
      })),
    ).flat()
    const batch = await context.request.post('/api/purchases/batch', {
      headers: { 'x-csrf-token': me.csrfToken },
      data: { rows, unknownCustomers: 'create' },
    })
    expect(batch.status()).toBe(200)
    const customers = await apiGet<{ items: { id: string; externalId: string }[] }>(
      context,
      '/api/customers?q=FC-7',
    )
    const customer = customers.items.find((c) => c.externalId === 'FC-7')!

    await page.goto(`/customers/${customer.id}`)
    const value = page.getByRole('region', { name: 'Value' })
    await value.getByText('No value run yet in this workspace').waitFor({ timeout: 60_000 })
    // Money so far is shown before any run: revenue of FC-7 is 3 × 27.50.
    const revenue = value.getByRole('row', { name: /Revenue/ })
    expect(await revenue.getByRole('cell').allInnerTexts()).toEqual([
      await inPage.money(page, '82.50', me.workspace.currency),
    ])
    // The progress bar shows while the run goes (checked on the Value page above); on a fast
    // machine the run may end before a check here, so the test waits for the scores instead.
    await value.getByRole('button', { name: 'Run scoring' }).click()
    const predictions = value.locator('dl[aria-label="Predictions"]')
    await predictions.waitFor({ timeout: 60_000 })
    const card = await apiGet<Card>(context, `/api/customers/${customer.id}/value`)
    expect((await predictions.locator('dd').allInnerTexts())[0]).toBe(
      await inPage.money(page, card.clv, me.workspace.currency),
    )
    expect(await revenue.getByRole('cell').count()).toBe(2)

    expect(problems.errors).toEqual([])
    expect(problems.http).toEqual([{ status: 401, method: 'GET', path: '/api/me' }])
    await context.close()
  })
})
