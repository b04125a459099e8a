import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { expect, it } from 'vitest'
import { describeEachDb } from '../../../../test/test-app.js'
import { importCostEntries } from './import-cost-entries.js'

describeEachDb('cost entries from a CSV file', (t) => {
  it('posts valid rows set-based, reports the others, and adds nothing the second time', async () => {
    const ws = await t.newWorkspace()
    for (const id of ['K1', 'K2'])
      await t.request({
        method: 'POST',
        url: '/api/customers',
        headers: ws.headers,
        payload: { externalId: id, name: id },
      })
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'costs-')), 'costs.csv')
    fs.writeFileSync(
      file,
      [
        'Customer_External_ID,kind,amount,occurred_at,reference',
        'K1,shipping,4.90,2026-02-01,S-1',
        'K2,case.phone,6.00,2026-02-02T10:00:00Z,S-2',
        'K2,goodwill,-1.00,2026-02-03,S-3',
        'K3,shipping,4.90,2026-02-01,S-4',
        'K1,shipping,4.999,2026-02-01,S-5',
        'K1,shipping,4.90,yesterday,S-6',
      ].join('\n'),
    )
    const first = await importCostEntries(t.db, ws.workspace.id, file)
    expect(first).toEqual({
      rows: 6,
      inserted: 3,
      duplicates: 0,
      invalid: 3,
      errors: [
        { line: 6, message: 'invalid amount "4.999"' },
        { line: 7, message: 'invalid occurred_at "yesterday"' },
        { line: 5, message: 'no such customer' },
      ],
    })
    const again = await importCostEntries(t.db, ws.workspace.id, file)
    expect(again).toMatchObject({ inserted: 0, duplicates: 3 })
    const list = (
      await t.request({ method: 'GET', url: '/api/value/costs?source=import', headers: ws.headers })
    ).json()
    expect(list.items.map((e: { amount: string }) => e.amount).sort()).toEqual(['-1.00', '4.90', '6.00'])
    await expect(importCostEntries(t.db, ws.workspace.id, '/nonexistent.csv')).rejects.toThrow(/no such file/)
  })
})
