import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { fitFromFiles } from './fit-from-files.js'

const data = (name: string) => fileURLToPath(new URL(`../../../../shared/data/${name}`, import.meta.url))

describe('fitFromFiles', () => {
  it('fits both models and the spend model from a summary file', async () => {
    const [bg, pareto] = await fitFromFiles({
      summary: data('cdnow_customers_summary_with_transactions.csv'),
      unit: 'weeks',
      model: 'all',
      spend: true,
    })
    expect(bg!.model).toBe('bgnbd')
    expect(bg!.logLikelihood).toBeCloseTo(-9582.4, 0)
    expect(pareto!.model).toBe('pareto')
    expect(pareto!.logLikelihood).toBeCloseTo(-9595.0, 0)
    expect(bg!.spend!.p).toBeCloseTo(6.25, 1)
  })

  it('fits from the raw CDNOW log with a calibration end', async () => {
    const [bg] = await fitFromFiles({
      transactions: data('CDNOW_sample.txt'),
      calibrationEnd: '1997-09-30',
      unit: 'weeks',
      model: 'bgnbd',
      spend: true,
    })
    expect(bg!.customers).toBe(2357)
    expect(bg!.params).toMatchObject({ r: expect.closeTo(0.243, 2), alpha: expect.closeTo(4.414, 2) })
    expect(bg!.spend!.q).toBeCloseTo(3.74, 1)
  })

  it('explains what is wrong with the input', async () => {
    await expect(
      fitFromFiles({ summary: '/nonexistent.csv', unit: 'weeks', model: 'bgnbd', spend: false }),
    ).rejects.toThrow(/cannot read \/nonexistent.csv/)
    await expect(
      fitFromFiles({
        summary: data('cdnow_customers_summary.csv'),
        unit: 'weeks',
        model: 'bgnbd',
        spend: true,
      }),
    ).rejects.toThrow(/spend model needs amounts/)
  })
})
