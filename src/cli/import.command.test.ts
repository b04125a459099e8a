import { execFile } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { pgliteTemplateDir, ROOT } from '../../test/test-env.js'

const run = promisify(execFile)
const BIN = path.join(ROOT, 'bin', 'centric.js')

describe('centric import and export on the embedded database', () => {
  let dir: string
  const cli = (...args: string[]) =>
    run(process.execPath, [BIN, ...args], {
      env: { ...process.env, CENTRIC_DATA_DIR: path.join(dir, 'data'), DATABASE_URL: '' },
      cwd: ROOT,
    })
  const file = (name: string, text: string) => {
    fs.writeFileSync(path.join(dir, name), text)
    return path.join(dir, name)
  }

  beforeAll(async () => {
    dir = path.join(inject('runDir'), `cli-import-${process.pid}`)
    fs.cpSync(pgliteTemplateDir(inject('runDir')), path.join(dir, 'data'), { recursive: true })
    await cli('workspace', 'create', '--slug', 'shop', '--name', 'Shop')
  })
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

  it('imports with a mapping, reports bad lines with a non-zero exit, and exports what it holds', async () => {
    const customers = file('contacts.csv', 'Key;Full Name;E-mail\nK1;Ada;ada@x.test\nK2;Bob;bob@x.test\n')
    const { stdout } = await cli(
      'import',
      'customers',
      customers,
      '--workspace',
      'shop',
      '--map',
      'external_id=Key',
      '--json',
    )
    expect(JSON.parse(stdout)).toMatchObject({
      status: 'succeeded',
      inserted: 2,
      mapping: { external_id: 'Key', name: 'Full Name', email: 'E-mail' },
    })

    const purchases = file(
      'orders.csv',
      'order id,customer id,date,total\nO1,K1,2026-01-02,10\nO2,K2,2026-13-01,5\n',
    )
    const failed = await cli('import', 'purchases', purchases, '--workspace', 'shop').catch(
      (e: { code: number; stdout: string }) => e,
    )
    expect(failed).toMatchObject({ code: 1 })
    expect((failed as { stdout: string }).stdout).toContain('line 3, occurred_at "2026-13-01": is not a date')
    const skipped = await cli('import', 'purchases', purchases, '--workspace', 'shop', '--skip-invalid')
    expect(skipped.stdout).toContain('2 rows read, 1 inserted, 0 updated, 0 unchanged, 1 invalid')

    const out = path.join(dir, 'purchases.csv')
    await cli('export', 'purchases', '--out', out, '--workspace', 'shop')
    expect(fs.readFileSync(out, 'utf8')).toBe(
      'external_id,customer_external_id,occurred_at,amount,cost,currency,product_sku,quantity,channel,status\n' +
        'O1,K1,2026-01-02T00:00:00Z,10.00,,USD,,1,,completed\n',
    )
    const back = await cli('import', 'purchases', out, '--workspace', 'shop', '--json')
    expect(JSON.parse(back.stdout)).toMatchObject({ inserted: 0, updated: 0, unchanged: 1 })
  })

  it('fails clearly on a file it cannot read', async () => {
    const err = await cli('import', 'purchases', path.join(dir, 'missing.csv'), '--workspace', 'shop').catch(
      (e: { code: number; stderr: string }) => e,
    )
    expect(err).toMatchObject({ code: 1 })
    expect((err as { stderr: string }).stderr).toContain('no such file')
    const headerless = file('bad.csv', 'a,b\n1,2\n')
    const missing = await cli('import', 'purchases', headerless, '--workspace', 'shop').catch(
      (e: { code: number; stderr: string }) => e,
    )
    expect(missing).toMatchObject({ code: 1 })
    expect((missing as { stderr: string }).stderr).toMatch(/no column for external_id, customer_external_id/)
  })
})
