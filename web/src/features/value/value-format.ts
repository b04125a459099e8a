// Formatting shared by the value card and the Value page.

const SEGMENT_LABELS: Record<string, string> = {
  champions: 'Champions',
  loyal: 'Loyal',
  potential_loyalists: 'Potential loyalists',
  new: 'New',
  at_risk: 'At risk',
  cant_lose_them: "Can't lose them",
  hibernating: 'Hibernating',
  lost: 'Lost',
}

/** "cant_lose_them" → "Can't lose them"; unknown names are shown with spaces. */
export const segmentLabel = (segment: string) =>
  SEGMENT_LABELS[segment] ?? segment.charAt(0).toUpperCase() + segment.slice(1).replaceAll('_', ' ')

/**
 * The RFM segment of a grid cell, the same rule as the server (src/modules/value/reports/
 * rfm-segments.ts), so the grid can name cells that hold nobody yet.
 */
export function rfmSegmentOf(r: number, f: number): string {
  if (r >= 4 && f >= 4 && r + f >= 9) return 'champions'
  if (r >= 3 && f >= 3) return 'loyal'
  if (r === 5 && f === 1) return 'new'
  if (r >= 3) return 'potential_loyalists'
  if (f === 5) return 'cant_lose_them'
  if (f >= 3) return 'at_risk'
  return r === 2 ? 'hibernating' : 'lost'
}

const percentFormat = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 1 })

export const formatPercent = (share: number | null | undefined) =>
  share == null ? '—' : percentFormat.format(share)

/** A model figure with a fixed number of significant decimals (parameters, expectations). */
export const formatDecimal = (n: number | null | undefined, digits = 2) =>
  n == null || !Number.isFinite(n)
    ? '—'
    : new Intl.NumberFormat(undefined, {
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
      }).format(n)

/** A whole-money amount for chart axes and captions ("€1,234"). */
export const formatMoneyShort = (n: number, currency: string) =>
  new Intl.NumberFormat(undefined, { style: 'currency', currency, maximumFractionDigits: 0 }).format(n)

const CENTS = /^(-)?(\d+)(?:\.(\d{1,2}))?$/

const toCents = (amount: string): bigint | null => {
  const m = CENTS.exec(amount.trim())
  if (!m) return null
  const cents = BigInt(m[2]!) * 100n + BigInt((m[3] ?? '').padEnd(2, '0') || '0')
  return m[1] ? -cents : cents
}

/** a − b on exact decimal strings (two decimals at most), without floating point; null if unparseable. */
export function subtractMoney(a: string | null, b: string | null): string | null {
  if (a === null || b === null) return null
  const x = toCents(a)
  const y = toCents(b)
  if (x === null || y === null) return null
  const d = x - y
  const abs = d < 0n ? -d : d
  return `${d < 0n ? '-' : ''}${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}`
}
