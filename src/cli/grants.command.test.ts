import { execFile } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { pgliteTemplateDir, ROOT } from '../../test/test-env.js'

const run = promisify(execFile)
const BIN = path.join(ROOT, 'bin', 'centric.js')

describe('centric grants on the demo workspace (embedded database)', () => {
  let dataDir: string
  const cli = (...args: string[]) =>
    run(process.execPath, [BIN, ...args], {
      env: { ...process.env, CENTRIC_DATA_DIR: dataDir, DATABASE_URL: '' },
      cwd: ROOT,
    })

  beforeAll(() => {
    dataDir = path.join(inject('runDir'), `cli-grants-${process.pid}`)
    fs.cpSync(pgliteTemplateDir(inject('runDir')), dataDir, { recursive: true })
  })
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }))

  it('seeds grants and pending approvals once, lists, approves as the manager and exports', {
    timeout: 300_000,
  }, async () => {
    await cli('demo')
    const ledger = JSON.parse((await cli('grants', 'list', '--json')).stdout)
    // Six grants within authority, one approved above it (see seed-empowerment.ts).
    expect(ledger).toHaveLength(7)
    expect(ledger.filter((e: { approvalId: string | null }) => e.approvalId)).toHaveLength(1)
    await cli('demo')
    expect(JSON.parse((await cli('grants', 'list', '--json')).stdout)).toHaveLength(7)

    const pending = (await cli('grants', 'approvals')).stdout.trim().split('\n')
    expect(pending).toHaveLength(2)
    const id = pending[0]!.split(/\s+/)[0]!
    const agentTry = await cli(
      'grants',
      'approve',
      id,
      '--as',
      'jonas@demo.centric.local',
      '--reason',
      'x',
    ).catch((e: { code: number; stderr: string }) => e)
    expect(agentTry).toMatchObject({ code: 1, stderr: expect.stringContaining('needs a manager') })
    const approved = JSON.parse(
      (await cli('grants', 'approve', id, '--as', 'maya@demo.centric.local', '--reason', 'Worth it')).stdout,
    )
    expect(approved).toMatchObject({ status: 'approved', decisionReason: 'Worth it' })

    const file = path.join(dataDir, 'ledger.csv')
    await cli('grants', 'export', '--out', file)
    const lines = fs.readFileSync(file, 'utf8').trim().split('\n')
    expect(lines[0]).toMatch(/^id,occurredAt,entryKind/)
    expect(lines).toHaveLength(1 + 8)
  })
})
