// Special functions for the CLV likelihoods. Everything works in log space where magnitudes can
// explode (x in the thousands makes Γ(r + x) overflow long before the likelihood does).

const LANCZOS_G = 7
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
]
const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI)

/** ln Γ(x) for x > 0 (Lanczos, g = 7, n = 9: ~15 significant digits), reflection below 0.5. */
export function lgamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - lgamma(1 - x)
  const z = x - 1
  let a = LANCZOS[0]!
  for (let i = 1; i < 9; i++) a += LANCZOS[i]! / (z + i)
  const t = z + LANCZOS_G + 0.5
  return HALF_LOG_2PI + (z + 0.5) * Math.log(t) - t + Math.log(a)
}

/** ψ(x) = d ln Γ(x)/dx: upward recurrence to x ≥ 10, then the asymptotic series. */
export function digamma(x: number): number {
  if (x <= 0 && Number.isInteger(x)) return Number.NaN
  if (x < 0) return digamma(1 - x) - Math.PI / Math.tan(Math.PI * x)
  let acc = 0
  while (x < 10) {
    acc -= 1 / x
    x += 1
  }
  const f = 1 / (x * x)
  const tail = f * (1 / 12 - f * (1 / 120 - f * (1 / 252 - f * (1 / 240 - f * (1 / 132)))))
  return acc + Math.log(x) - 0.5 / x - tail
}

/** ln(e^a + e^b) without overflow. */
export function logAddExp(a: number, b: number): number {
  if (a === Number.NEGATIVE_INFINITY) return b
  if (b === Number.NEGATIVE_INFINITY) return a
  return a > b ? a + Math.log1p(Math.exp(b - a)) : b + Math.log1p(Math.exp(a - b))
}

/** ln B(a, b). */
export function lbeta(a: number, b: number): number {
  return lgamma(a) + lgamma(b) - lgamma(a + b)
}

const MAX_TERMS = 1_000_000

/**
 * Gauss hypergeometric 2F1(a, b; c; z) for 0 ≤ z < 1 by its power series. Callers transform their
 * arguments first (Euler's identity) so that the series terms shrink from the start; the terms
 * then decay like z^n and the loop stops when the remaining tail is below machine precision.
 */
export function hyp2f1(a: number, b: number, c: number, z: number): number {
  let term = 1
  let sum = 1
  for (let n = 0; n < MAX_TERMS; n++) {
    term *= (((a + n) * (b + n)) / ((c + n) * (n + 1))) * z
    sum += term
    if (Math.abs(term) <= 1e-17 * Math.abs(sum) && n > 2) break
  }
  return sum
}

/** Gradient of G(b, c, z) = 2F1(1, b; c; z) = Σ (b)_n/(c)_n zⁿ, filled by `hyp2f1Unit`. */
export interface UnitSeries {
  value: number
  /** ∂G/∂b, ∂G/∂c, ∂G/∂z */
  db: number
  dc: number
  dz: number
}

/**
 * G(b, c, z) = 2F1(1, b; c; z) and its partial derivatives in one pass, for 0 < b < c, 0 ≤ z < 1.
 * The term ratio (b + n)/(c + n)·z is below z, so the series converges geometrically and never
 * grows, whatever the size of b and c; derivatives are summed term by term (forward mode).
 */
export function hyp2f1Unit(b: number, c: number, z: number, out: UnitSeries): UnitSeries {
  let term = 1
  let value = 1
  let db = 0
  let dc = 0
  let dz = 0
  let sb = 0
  let sc = 0
  const stop = 1e-17 * (1 - z)
  for (let n = 0; n < MAX_TERMS; n++) {
    const ratio = (b + n) / (c + n)
    // d(term_{n+1})/dz = (n + 1)·term_{n+1}/z = (n + 1)·term_n·ratio: no division by z, so z = 0 works.
    dz += (n + 1) * term * ratio
    sb += 1 / (b + n)
    sc += 1 / (c + n)
    term *= ratio * z
    value += term
    db += term * sb
    dc -= term * sc
    if (term * (n + 2) <= stop * value) break
  }
  out.value = value
  out.db = db
  out.dc = dc
  out.dz = dz
  return out
}
