import { execFile } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { pgliteTemplateDir, ROOT } from '../../test/test-env.js'
import { startTestSmtpServer } from '../modules/outbox/smtp-test-server.test-helper.js'

const run = promisify(execFile)
const BIN = path.join(ROOT, 'bin', 'centric.js')

describe('centric feedback on the embedded database', () => {
  let dataDir: string
  let smtp: Awaited<ReturnType<typeof startTestSmtpServer>>
  const cli = (...args: string[]) =>
    run(process.execPath, [BIN, ...args], {
      env: { ...process.env, CENTRIC_DATA_DIR: dataDir, DATABASE_URL: '', CENTRIC_SMTP_URL: smtp.url },
      cwd: ROOT,
    })

  beforeAll(async () => {
    smtp = await startTestSmtpServer()
    dataDir = path.join(inject('runDir'), `cli-feedback-${process.pid}`)
    fs.cpSync(pgliteTemplateDir(inject('runDir')), dataDir, { recursive: true })
  })
  afterAll(async () => {
    await smtp.close()
    fs.rmSync(dataDir, { recursive: true, force: true })
  })

  it('lists the demo surveys and answers, reports analytics, creates a survey and runs the sweep', async () => {
    await cli('demo')
    const surveys = JSON.parse((await cli('feedback', 'surveys', '--json')).stdout)
    expect(surveys.map((s: { kind: string }) => s.kind).sort()).toEqual(['ces', 'csat', 'nps', 'nps'])
    const a = JSON.parse(
      (await cli('feedback', 'analytics', '--kind', 'nps', '--by', 'tier', '--json')).stdout,
    )
    expect(a.total.n).toBeGreaterThan(20)
    expect(a.total.value).toBeGreaterThanOrEqual(-100)
    expect(a.total.low).toBeLessThanOrEqual(a.total.value)
    expect(a.groups.reduce((s: number, g: { total: { n: number } }) => s + g.total.n, 0)).toBe(a.total.n)
    const text = (await cli('feedback', 'analytics', '--kind', 'csat')).stdout
    expect(text).toMatch(/^CSAT \d+\.\d \[\d+\.\d, \d+\.\d\] from \d+ answers/)
    const responses = (await cli('feedback', 'responses', '--limit', '5')).stdout.trim().split('\n')
    expect(responses).toHaveLength(5)
    const created = (
      await cli('feedback', 'create-survey', '--name', 'CLI survey', '--kind', 'ces')
    ).stdout.trim()
    expect(created).toMatch(/^[0-9a-f-]{36}$/)
    const sweep = (await cli('feedback', 'sweep', '--base-url', 'http://centric.test')).stdout
    expect(sweep).toMatch(/\d+ scheduled, \d+ suppressed, \d+ invitations, .*outbox: \d+ sent/)
    const sent = Number(/outbox: (\d+) sent/.exec(sweep)![1])
    expect(smtp.received).toHaveLength(sent)
    const outbox = (await cli('outbox', 'list', '--json')).stdout
    expect(JSON.parse(outbox).filter((m: { status: string }) => m.status === 'sent')).toHaveLength(
      Math.min(sent, 50),
    )
    const bad = await cli('feedback', 'create-survey', '--name', 'x').catch(
      (e: { code: number; stderr: string }) => e,
    )
    expect(bad).toMatchObject({ code: 1 })
  }, 600_000)
})
