import { expect, it } from 'vitest'
import { describeEachDb } from '../../../test/test-app.js'

const week = (range: [string, string][]) => ({ mon: range, tue: range, wed: range, thu: range, fri: range })

describeEachDb('SLA preview route', (t) => {
  it("answers the issue's example: Friday afternoon over the DST weekend to Monday morning", async () => {
    const ws = await t.newWorkspace()
    const res = await t.request({
      method: 'POST',
      url: '/api/service/sla/preview',
      headers: ws.headers,
      payload: {
        calendar: { timezone: 'Europe/Berlin', hours: week([['09:00', '17:00']]), holidays: ['2026-12-25'] },
        start: '2026-03-27T15:30:00Z',
        minutes: 120,
      },
    })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({ due: '2026-03-30T08:30:00Z' })
  })

  it('rejects a bad calendar with field details, and agents may not use it', async () => {
    const ws = await t.newWorkspace()
    const res = await t.request({
      method: 'POST',
      url: '/api/service/sla/preview',
      headers: ws.headers,
      payload: {
        calendar: { timezone: 'Mars/Olympus', hours: week([['09:00', '25:00']]) },
        start: 'soon',
        minutes: -1,
      },
    })
    expect(res.statusCode).toBe(400)
    const paths: string[] = res.json().errors.map((e: { path: string }) => e.path)
    expect(paths).toEqual(expect.arrayContaining(['body.calendar.timezone', 'body.start', 'body.minutes']))
    const agent = await t.request({
      method: 'POST',
      url: '/api/service/sla/preview',
      headers: await ws.as('agent'),
      payload: {},
    })
    expect(agent.statusCode).toBe(403)
  })
})
