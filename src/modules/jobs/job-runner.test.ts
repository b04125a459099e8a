import { expect, it } from 'vitest'
import { describeEachDb } from '../../../test/test-app.js'
import { JobRunner } from './job-runner.js'

async function until(check: () => boolean | Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const end = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out waiting')
    await new Promise((r) => setTimeout(r, 50))
  }
}

describeEachDb('background jobs on pg-boss', (t) => {
  it('runs a job sent to a queue, once, across two runners sharing the database', async () => {
    const seen: number[] = []
    const runners = [0, 1].map(() =>
      new JobRunner({ db: t.db, raw: t.app.raw, pollingIntervalSeconds: 0.5 }).define({
        name: 'test.collect',
        handler: async ({ data }) => {
          seen.push(Number(data.n))
        },
      }),
    )
    for (const r of runners) await r.start()
    try {
      const ids: (string | null)[] = []
      for (let n = 0; n < 20; n++) ids.push(await runners[n % 2]!.send('test.collect', { n }))
      await until(() => seen.length >= 20)
      await new Promise((r) => setTimeout(r, 700)) // a second claim would show up by now
      expect(seen.sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i))
      await until(async () => (await runners[0]!.jobState('test.collect', ids[0]!)) === 'completed')
    } finally {
      for (const r of runners) await r.stop()
    }
  })

  it('keeps one periodic job waiting and one running, however often it is sent', async () => {
    let release: () => void = () => {}
    const gate = new Promise<void>((r) => {
      release = r
    })
    let runs = 0
    const runner = new JobRunner({ db: t.db, raw: t.app.raw, pollingIntervalSeconds: 0.5 }).define({
      name: 'test.periodic',
      everySeconds: 3600,
      handler: async () => {
        runs++
        await gate
      },
    })
    await runner.start() // sends the first run at once
    try {
      await until(() => runs === 1)
      expect(await runner.send('test.periodic')).not.toBeNull() // one may wait behind the running one
      expect(await runner.send('test.periodic')).toBeNull() // but only one
      release()
      await until(() => runs === 2)
    } finally {
      release()
      await runner.stop()
    }
  })
})
