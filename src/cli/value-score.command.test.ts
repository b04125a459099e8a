import { execFile } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { pgliteTemplateDir, ROOT } from '../../test/test-env.js'

const run = promisify(execFile)
const BIN = path.join(ROOT, 'bin', 'centric.js')

describe('centric value score on the embedded database', () => {
  let dataDir: string
  const cli = (...args: string[]) =>
    run(process.execPath, [BIN, ...args], {
      env: { ...process.env, CENTRIC_DATA_DIR: dataDir, DATABASE_URL: '' },
      cwd: ROOT,
    })

  beforeAll(() => {
    dataDir = path.join(inject('runDir'), `cli-value-${process.pid}`)
    fs.cpSync(pgliteTemplateDir(inject('runDir')), dataDir, { recursive: true })
  })
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }))

  it('scores the demo workspace, imports costs and re-tiers', async () => {
    await cli('demo')
    const scored = await cli('value', 'score', '--workspace', 'demo', '--model', 'pareto', '--json')
    const runView = JSON.parse(scored.stdout.trim().split('\n').pop()!)
    expect(runView).toMatchObject({ status: 'succeeded', options: { model: 'pareto' } })
    expect(runView.customersScored).toBeGreaterThan(300)
    expect(Object.keys(runView.result.params).sort()).toEqual(['alpha', 'beta', 'r', 's'])

    const file = path.join(dataDir, 'costs.csv')
    fs.writeFileSync(file, 'customer_external_id,kind,amount,occurred_at\nnobody,shipping,4.90,2026-02-01\n')
    const refused = await cli('value', 'costs', 'import', file).catch(
      (e: { code: number; stdout: string }) => e,
    )
    expect(refused).toMatchObject({ code: 1, stdout: expect.stringContaining('line 2: no such customer') })

    const { stdout } = await cli('value', 'tiers')
    expect(stdout).toMatch(/^\d+ tier changes/)
    const bad = await cli('value', 'score', '--horizon-months', '0').catch(
      (e: { code: number; stderr: string }) => e,
    )
    expect(bad).toMatchObject({ code: 1, stderr: expect.stringContaining('horizonMonths') })
  })
})
