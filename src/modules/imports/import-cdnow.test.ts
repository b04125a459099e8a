import fs from 'node:fs'
import path from 'node:path'
import { sql } from 'kysely'
import { expect, it } from 'vitest'
import { describeEachDb } from '../../../test/test-app.js'
import { ROOT } from '../../../test/test-env.js'
import { systemActor } from '../platform/index.js'
import { refreshCustomerTotals } from '../purchases/index.js'
import { importFile } from './index.js'

const CDNOW = path.join(ROOT, '..', 'shared', 'data', 'CDNOW_master.txt')

/** Totals straight from the file, in cents, without the import's code. */
function fileTotals() {
  const lines = fs
    .readFileSync(CDNOW, 'latin1')
    .split(/\r?\n/)
    .slice(1)
    .filter((l) => l.trim())
  const customers = new Set<string>()
  let cents = 0
  for (const line of lines) {
    const [customer, , , dollars] = line.trim().split(/\s+/)
    customers.add(customer!)
    cents += Math.round(Number(dollars) * 100)
  }
  return { purchases: lines.length, customers: customers.size, cents }
}

describeEachDb('the CDNOW transaction log through the import engine', (t) => {
  it('imports 69,659 purchases of 23,570 customers with the revenue of the file', {
    timeout: 300_000,
  }, async () => {
    const expected = fileTotals()
    expect(expected).toMatchObject({ purchases: 69_659, customers: 23_570 })
    const ws = await t.newWorkspace()
    const result = await importFile({ db: t.db, raw: t.app.raw }, systemActor(ws.workspace.id), {
      kind: 'purchases',
      path: CDNOW,
      format: 'cdnow',
    })
    expect(result).toMatchObject({
      status: 'succeeded',
      rowsRead: 69_659,
      inserted: 69_659,
      invalid: 0,
      customersCreated: 23_570,
    })
    const { rows } = await sql<{ customers: number; purchases: number; revenue: string; purchased: string }>`
      SELECT (SELECT count(*)::int FROM customers WHERE workspace_id = ${ws.workspace.id}) AS customers,
             (SELECT count(*)::int FROM purchases WHERE workspace_id = ${ws.workspace.id}) AS purchases,
             (SELECT sum(revenue)::text FROM customers WHERE workspace_id = ${ws.workspace.id}) AS revenue,
             (SELECT sum(amount)::text FROM purchases WHERE workspace_id = ${ws.workspace.id}) AS purchased`.execute(
      t.db,
    )
    const cents = (text: string) => Math.round(Number(text) * 100)
    expect(rows[0]).toMatchObject({ customers: 23_570, purchases: 69_659 })
    expect(cents(rows[0]!.revenue)).toBe(expected.cents)
    expect(cents(rows[0]!.purchased)).toBe(expected.cents)

    // The totals written with the new customers are the ones the purchases module computes.
    const before = await t.db
      .selectFrom('customers')
      .selectAll()
      .where('workspace_id', '=', ws.workspace.id)
      .orderBy('id')
      .execute()
    await refreshCustomerTotals(t.db, ws.workspace.id)
    const after = await t.db
      .selectFrom('customers')
      .selectAll()
      .where('workspace_id', '=', ws.workspace.id)
      .orderBy('id')
      .execute()
    expect(after).toEqual(before)
    const first = await t.db
      .selectFrom('customers')
      .selectAll()
      .where('workspace_id', '=', ws.workspace.id)
      .where('external_id', '=', '00002')
      .executeTakeFirstOrThrow()
    expect(first).toMatchObject({ revenue: '89.00', orders_count: 2 })
    expect(first.first_purchase_at?.toISOString()).toBe('1997-01-12T00:00:00.000Z')

    const again = await importFile({ db: t.db, raw: t.app.raw }, systemActor(ws.workspace.id), {
      kind: 'purchases',
      path: CDNOW,
      format: 'cdnow',
    })
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 69_659 })
  })
})
