import { z } from 'zod'

/**
 * Money in and out of the API: a decimal string (or a number, read as its decimal text) with at
 * most two decimals, never negative. It reaches the database as text into numeric(18,2), so no
 * binary floating point sits between the client and storage.
 */
export const MoneyInput = z
  .union([z.string().trim(), z.number().finite()])
  .transform((v) => (typeof v === 'number' ? String(v) : v))
  .pipe(
    z.string().regex(/^\d{1,16}(\.\d{1,2})?$/, 'a non-negative amount with at most 2 decimals, e.g. "19.90"'),
  )
  .describe('Decimal amount in the workspace currency, e.g. "19.90"')

export const MoneyView = z.string().describe('Exact decimal amount in the workspace currency')
