import { fileURLToPath } from 'node:url'
import { Command, CommanderError } from 'commander'
import { describe, expect, it } from 'vitest'
import { registerValueCommands } from './value.command.js'

const data = (name: string) => fileURLToPath(new URL(`../../../shared/data/${name}`, import.meta.url))

/** Runs the CLI in-process and captures what it writes. */
async function run(...args: string[]) {
  let stdout = ''
  let stderr = ''
  const program = new Command('centric')
    .exitOverride()
    .configureOutput({ writeOut: (s) => (stdout += s), writeErr: (s) => (stderr += s) })
  registerValueCommands(program)
  let exitCode = 0
  try {
    await program.parseAsync(['value', 'fit', ...args], { from: 'user' })
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error
    exitCode = error.exitCode
  }
  return { stdout, stderr, exitCode }
}

describe('centric value fit', () => {
  it('prints the BG/NBD and spend fits of the CDNOW summary as one JSON object', async () => {
    const res = await run(
      '--summary',
      data('cdnow_customers_summary_with_transactions.csv'),
      '--spend',
      '--json',
    )
    expect(res.exitCode).toBe(0)
    const out = JSON.parse(res.stdout)
    expect(out.model).toBe('bgnbd')
    expect(out.customers).toBe(2357)
    expect(out.params.r).toBeCloseTo(0.243, 2)
    expect(out.params.alpha).toBeCloseTo(4.414, 2)
    expect(out.params.a).toBeCloseTo(0.793, 2)
    expect(out.params.b).toBeCloseTo(2.426, 2)
    expect(out.logLikelihood).toBeCloseTo(-9582.4, 0)
    expect(Object.keys(out.standardErrors)).toEqual(['r', 'alpha', 'a', 'b'])
    expect(out.spend).toMatchObject({ p: expect.closeTo(6.25, 1), q: expect.closeTo(3.74, 1) })
  })

  it('prints an array with --model all', async () => {
    const res = await run('--summary', data('cdnow_customers_summary.csv'), '--model', 'all', '--json')
    const out = JSON.parse(res.stdout)
    expect(out.map((o: { model: string }) => o.model)).toEqual(['bgnbd', 'pareto'])
    expect(Object.keys(out[1].params)).toEqual(['r', 'alpha', 's', 'beta'])
    expect(out[0].spend).toBeUndefined()
  })

  it('fits from a transaction log and prints a table', async () => {
    const res = await run('--transactions', data('CDNOW_sample.txt'), '--calibration-end', '1997-09-30')
    expect(res.stdout).toMatch(/BG\/NBD: 2357 customers, log-likelihood -9582\.43/)
    expect(res.stdout).toMatch(/alpha\s+4\.41/)
  })

  it('fails with a message and exit code 1 on bad input', async () => {
    const missing = await run('--summary', '/no/such/file.csv', '--json')
    expect(missing.exitCode).toBe(1)
    expect(missing.stderr).toMatch(/cannot read \/no\/such\/file.csv/)
    expect(missing.stdout).toBe('')
    const badColumn = await run('--transactions', data('cdnow_customers_summary.csv'))
    expect(badColumn.exitCode).toBe(1)
    expect(badColumn.stderr).toMatch(/no date column/)
  })
})
