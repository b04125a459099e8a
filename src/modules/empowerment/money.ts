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
