/** Minor units of a decimal string, for comparing an entered amount with the remaining authority. */
export function cents(amount: string | null | undefined): number | null {
  if (amount == null) return null
  const m = /^\s*(\d{1,16})(?:\.(\d{1,2}))?\s*$/.exec(amount)
  if (!m) return null
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'))
}
