import { expect, it } from 'vitest'
import { describeEachDb } from '../../../../test/test-app.js'
import { readCustomerSummary } from './read-customer-summary.js'

describeEachDb('value summary in SQL', (t) => {
  it('merges same-day lines in the workspace time zone, leaves refunds out, and windows the calibration', async () => {
    const ws = await t.newWorkspace()
    await t.db
      .updateTable('workspaces')
      .set({ timezone: 'Europe/Berlin' })
      .where('id', '=', ws.workspace.id)
      .execute()
    const post = async (url: string, payload: object) => {
      const res = await t.request({ method: 'POST', url, headers: ws.headers, payload })
      expect(res.statusCode, res.body).toBeLessThan(300)
      return res.json()
    }
    for (const id of ['A', 'B', 'C', 'D'])
      await post('/api/customers', { externalId: id, name: `Customer ${id}` })
    const buy = (customer: string, at: string, amount: string) =>
      post('/api/purchases', { customerExternalId: customer, occurredAt: at, amount })
    await buy('A', '2026-01-10T10:00:00Z', '10.00')
    await buy('A', '2026-01-10T22:30:00Z', '5.00') // 23:30 in Berlin: the same day as the first
    await buy('A', '2026-01-12T23:30:00Z', '20.00') // 00:30 on the 13th in Berlin
    const refunded = await buy('A', '2026-01-20T12:00:00Z', '7.00')
    await post(`/api/purchases/${refunded.id}/refund`, {})
    await buy('A', '2026-01-25T12:00:00Z', '30.00')
    await buy('A', '2026-02-05T12:00:00Z', '40.00') // after the calibration end: holdout
    await buy('B', '2026-01-30T23:30:00Z', '9.00') // 31 January in Berlin: inside the calibration
    await buy('C', '2026-01-31T23:30:00Z', '9.00') // 1 February in Berlin: first purchase too late
    const only = await buy('D', '2026-01-15T12:00:00Z', '9.00')
    await post(`/api/purchases/${only.id}/refund`, {}) // D never bought anything that counts

    const days = await readCustomerSummary(t.db, ws.workspace.id, {
      calibrationEnd: '2026-01-31',
      holdoutEnd: '2026-02-28',
      unit: 'days',
    })
    expect(days.ids).toEqual(['A', 'B'])
    // A: purchase days 10, 13 and 25 January; repeat spend (20 + 30) / 2.
    expect([days.x[0], days.tx[0], days.T[0], days.monetary[0], days.holdoutPurchases[0]]).toEqual([
      2, 15, 21, 25, 1,
    ])
    expect([days.x[1], days.tx[1], days.T[1], days.monetary[1], days.holdoutPurchases[1]]).toEqual([
      0, 0, 0, 0, 0,
    ])

    const weeks = await readCustomerSummary(t.db, ws.workspace.id, {
      calibrationEnd: '2026-01-31',
      unit: 'weeks',
    })
    expect([weeks.tx[0], weeks.T[0], weeks.holdoutPurchases[0]]).toEqual([15 / 7, 3, 0])
  })
})
