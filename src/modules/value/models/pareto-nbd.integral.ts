import { hyp2f1Unit, type UnitSeries } from './special-functions.js'

/** ln F and its partial derivatives with respect to (r, α, s, β); see `tailIntegral`. */
export interface LogTail {
  value: number
  dr: number
  dalpha: number
  ds: number
  dbeta: number
}

const series: UnitSeries = { value: 0, db: 0, dc: 0, dz: 0 }

/**
 * ln F(t) where F(t) = ∫ₜ^∞ (α+y)^−(r+x) (β+y)^−(s+1) dy, the Pareto/NBD "died after t" integral
 * (Fader & Hardie 2005 note, eqs. 18–22: the A₀ term is s·[F(t_x) − F(T)]).
 *
 * The note writes F with 2F1(r+s+x, s+1; r+s+x+1; (α−β)/(α+t)) when α ≥ β, and with
 * 2F1(r+s+x, r+x; r+s+x+1; (β−α)/(β+t)) when α < β. Euler's transformation
 * 2F1(a, b; a+1; z) = (1−z)^(1−b) 2F1(1, a+1−b; a+1; z) turns both into G = 2F1(1, ·; r+s+x+1; z),
 * whose terms shrink by a factor below z from the first one, so x = 5000 costs no more than x = 1
 * and nothing overflows. Writing p = r+x, q = s+1 (α ≥ β, z = (α−β)/(α+t)):
 *   ln F = −ln(p+q−1) − p·ln(α+t) − (q−1)·ln(β+t) + ln G(p, p+q, z)
 * and symmetrically with (α, p) ↔ (β, q) when α < β.
 */
export function logTail(
  r: number,
  alpha: number,
  s: number,
  beta: number,
  x: number,
  t: number,
  out: LogTail,
) {
  const p = r + x
  const q = s + 1
  const a = p + q - 1
  const at = alpha + t
  const bt = beta + t
  const lat = Math.log(at)
  const lbt = Math.log(bt)
  if (alpha >= beta) {
    const z = (alpha - beta) / at
    hyp2f1Unit(p, p + q, z, series)
    const G = series.value
    out.value = -Math.log(a) - p * lat - (q - 1) * lbt + Math.log(G)
    out.dr = -1 / a - lat + (series.db + series.dc) / G
    out.ds = -1 / a - lbt + series.dc / G
    out.dalpha = -p / at + ((series.dz / G) * bt) / (at * at)
    out.dbeta = -(q - 1) / bt - series.dz / G / at
  } else {
    const z = (beta - alpha) / bt
    hyp2f1Unit(q, p + q, z, series)
    const G = series.value
    out.value = -Math.log(a) - q * lbt - (p - 1) * lat + Math.log(G)
    out.dr = -1 / a - lat + series.dc / G
    out.ds = -1 / a - lbt + (series.db + series.dc) / G
    out.dbeta = -q / bt + ((series.dz / G) * at) / (bt * bt)
    out.dalpha = -(p - 1) / at - series.dz / G / bt
  }
  return out
}
