import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { expect, it } from 'vitest'
import { describeEachDb } from '../../../test/test-app.js'
import { systemActor } from '../platform/index.js'
import { importFile } from './index.js'

describeEachDb('importFile', (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'centric-import-'))
  const write = (name: string, text: string) => {
    const file = path.join(dir, name)
    fs.writeFileSync(file, text)
    return file
  }
  it('imports purchases and is idempotent', async () => {
    const ws = await t.newWorkspace()
    const file = write(
      'p.csv',
      'external_id,customer_external_id,occurred_at,amount,status\nO1,C1,2026-01-02,10.50,\nO2,C1,2026-01-03T10:00:00Z,5,refunded\nO3,C2,20260104,7.25,paid\n',
    )
    const database = { db: t.db, raw: t.app.raw }
    const first = await importFile(database, systemActor(ws.workspace.id), { kind: 'purchases', path: file })
    expect(first).toMatchObject({
      status: 'succeeded',
      inserted: 3,
      updated: 0,
      unchanged: 0,
      customersCreated: 2,
    })
    const second = await importFile(database, systemActor(ws.workspace.id), { kind: 'purchases', path: file })
    expect(second).toMatchObject({ status: 'succeeded', inserted: 0, updated: 0, unchanged: 3 })
    const c1 = await t.db
      .selectFrom('customers')
      .selectAll()
      .where('workspace_id', '=', ws.workspace.id)
      .where('external_id', '=', 'C1')
      .executeTakeFirstOrThrow()
    expect(c1).toMatchObject({ revenue: '10.50', refunds: '5.00', orders_count: 1 })
  })
})
