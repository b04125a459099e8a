import { z } from 'zod'

/**
 * Money as integer minor units (bigint cents) for comparisons against limits: numeric(18,2)
 * text in, text out, no binary floating point in between.
 */
export function toCents(amount: string | number): bigint {
  const text = String(amount).trim()
  const negative = text.startsWith('-')
  const [whole = '0', frac = ''] = text.replace(/^[-+]/, '').split('.')
  const cents = BigInt(whole || '0') * 100n + BigInt(`${frac}00`.slice(0, 2))
  return negative ? -cents : cents
}

export function fromCents(cents: bigint): string {
  const negative = cents < 0n
  const abs = negative ? -cents : cents
  const text = `${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`
  return negative ? `-${text}` : text
}

export const minCents = (...values: (bigint | null)[]): bigint | null =>
  values.reduce<bigint | null>((m, v) => (v === null ? m : m === null || v < m ? v : m), null)

const AMOUNT = /^\d{1,16}(\.\d{1,2})?$/
const AMOUNT_MESSAGE = 'a non-negative amount with at most 2 decimals, e.g. "19.90"'

/**
 * A decimal amount (string, or a number read as its decimal text). The pattern sits on the string
 * branch too, so the OpenAPI document shows it and generated examples are valid amounts.
 */
export const AmountInput = z
  .union([z.string().trim().regex(AMOUNT, AMOUNT_MESSAGE), z.number().finite().nonnegative()])
  .transform((v) => (typeof v === 'number' ? String(v) : v))
  .pipe(z.string().regex(AMOUNT, AMOUNT_MESSAGE))
  .describe('Decimal amount in the workspace currency, e.g. "19.90"')
