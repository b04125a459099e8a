import { execFile } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { pgliteTemplateDir, ROOT } from '../../test/test-env.js'
import { openPgliteDatabase } from '../db/dialects/pglite.js'
import { createCustomer } from '../modules/customers/index.js'
import { createActionType, createAuthorityPolicy } from '../modules/empowerment/index.js'
import { createUser, createWorkspace, systemActor } from '../modules/platform/index.js'

const run = promisify(execFile)
const BIN = path.join(ROOT, 'bin', 'centric.js')

describe('centric grants on the embedded database', () => {
  let dataDir: string
  const ids = { customer: '', action: '' }
  const cli = (...args: string[]) =>
    run(process.execPath, [BIN, ...args, '--workspace', 'gw'], {
      env: { ...process.env, CENTRIC_DATA_DIR: dataDir, DATABASE_URL: '' },
      cwd: ROOT,
    })

  beforeAll(async () => {
    dataDir = path.join(inject('runDir'), `cli-grants-${process.pid}`)
    fs.cpSync(pgliteTemplateDir(inject('runDir')), dataDir, { recursive: true })
    const { db, close } = await openPgliteDatabase(dataDir)
    const ws = await createWorkspace(db, { slug: 'gw', name: 'Goodwill' })
    const actor = systemActor(ws.id)
    await createUser(db, actor, {
      email: 'agent@gw.test',
      name: 'Agent',
      role: 'agent',
      password: 'long enough pw',
    })
    await createUser(db, actor, {
      email: 'boss@gw.test',
      name: 'Boss',
      role: 'manager',
      password: 'long enough pw',
    })
    ids.action = (
      await createActionType(db, actor, { kind: 'refund', name: 'Refund', costRule: 'entered' })
    ).id
    await createAuthorityPolicy(db, actor, { name: 'Agents', role: 'agent', maxPerGrant: '50.00' })
    await createAuthorityPolicy(db, actor, { name: 'Managers', role: 'manager', maxPerGrant: '500.00' })
    ids.customer = (await createCustomer(db, actor, { name: 'Cleo' })).id
    await close()
  })
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }))

  it('grants as an agent, asks above the limit, approves as the manager, lists and exports', {
    timeout: 300_000,
  }, async () => {
    const grant = (amount: string, ...extra: string[]) =>
      cli(
        'grants',
        'grant',
        '--as',
        'agent@gw.test',
        '--customer',
        ids.customer,
        '--action',
        ids.action,
        '--amount',
        amount,
        '--reason',
        'late',
        ...extra,
      )
    expect(JSON.parse((await grant('20.00')).stdout)).toMatchObject({
      outcome: 'executed',
      entry: { amount: '20.00' },
    })
    const refused = await grant('200.00').catch((e: { code: number; stderr: string }) => e)
    expect(refused).toMatchObject({ code: 1, stderr: expect.stringContaining('above your authority') })
    const asked = JSON.parse((await grant('200.00', '--request-approval')).stdout)
    expect(asked).toMatchObject({ outcome: 'pending_approval', approval: { routeToRole: 'manager' } })

    const pending = (await cli('grants', 'approvals')).stdout.trim().split('\n')
    expect(pending).toHaveLength(1)
    expect(pending[0]!.split(/\s+/)[0]).toBe(asked.approval.id)
    const byAgent = await cli(
      'grants',
      'approve',
      asked.approval.id,
      '--as',
      'agent@gw.test',
      '--reason',
      'x',
    ).catch((e: { code: number; stderr: string }) => e)
    expect(byAgent).toMatchObject({ code: 1, stderr: expect.stringContaining('needs a manager') })
    const approved = JSON.parse(
      (await cli('grants', 'approve', asked.approval.id, '--as', 'boss@gw.test', '--reason', 'Worth it'))
        .stdout,
    )
    expect(approved).toMatchObject({ status: 'approved', decisionReason: 'Worth it', decidedByName: 'Boss' })

    const ledger = JSON.parse((await cli('grants', 'list', '--json')).stdout)
    expect(ledger.map((e: { amount: string }) => e.amount)).toEqual(['200.00', '20.00'])
    const file = path.join(dataDir, 'ledger.csv')
    await cli('grants', 'export', '--out', file)
    const lines = fs.readFileSync(file, 'utf8').trim().split('\n')
    expect(lines[0]).toMatch(/^id,occurredAt,entryKind/)
    expect(lines).toHaveLength(3)
  })
})
