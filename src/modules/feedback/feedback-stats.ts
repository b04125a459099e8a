/** 95 % two-sided normal quantile. */
const Z = 1.959963984540054

/** Wilson score interval for a proportion k/n (better than the normal one for small n). */
export function wilson(k: number, n: number, z = Z): { low: number; high: number } {
  if (n === 0) return { low: 0, high: 1 }
  const p = k / n
  const denom = 1 + (z * z) / n
  const centre = (p + (z * z) / (2 * n)) / denom
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / denom
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) }
}

/**
 * NPS = 100·(p_promoters − p_detractors) with the variance of a difference of two multinomial
 * proportions, Var = (p_p + p_d − (p_p − p_d)²)/n, for a normal 95 % interval (clipped to ±100).
 */
export function npsWithInterval(promoters: number, detractors: number, n: number) {
  if (n === 0) return { value: null, low: null, high: null }
  const pp = promoters / n
  const pd = detractors / n
  const nps = pp - pd
  const se = Math.sqrt(Math.max(0, pp + pd - nps * nps) / n)
  return {
    value: 100 * nps,
    low: Math.max(-100, 100 * (nps - Z * se)),
    high: Math.min(100, 100 * (nps + Z * se)),
  }
}

/** Mean with a normal 95 % interval from the sample variance (CES is an average effort). */
export function meanWithInterval(sum: number, sumSquares: number, n: number) {
  if (n === 0) return { value: null, low: null, high: null }
  const mean = sum / n
  const variance = n > 1 ? Math.max(0, (sumSquares - n * mean * mean) / (n - 1)) : 0
  const half = Z * Math.sqrt(variance / n)
  return { value: mean, low: mean - half, high: mean + half }
}
