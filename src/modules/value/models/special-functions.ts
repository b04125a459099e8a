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
 * Near z = 1 the series needs ~40/(1 − z) terms, so above z = 0.8 Gauss's continued fraction
 * takes over (hundreds of steps at z = 0.999 where the series needs ~40,000).
 */
export function hyp2f1Unit(b: number, c: number, z: number, out: UnitSeries): UnitSeries {
  if (z > CF_FROM) return hyp2f1UnitFraction(b, c, z, out)
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

const CF_FROM = 0.8

/**
 * Gauss's continued fraction for 2F1(b, 1; c; z)/2F1(b, 0; c − 1; z) = G(b, c, z):
 * G = 1/(1 − k₁z/(1 − k₂z/(1 − …))), k₂ⱼ₋₁ = (b+j−1)(c+j−2)/((c+2j−3)(c+2j−2)),
 * k₂ⱼ = j(c−1−b+j)/((c+2j−2)(c+2j−1)), evaluated by modified Lentz with the derivatives of every
 * recurrence carried along (forward mode), so the gradient stays analytic.
 */
function hyp2f1UnitFraction(b: number, c: number, z: number, out: UnitSeries): UnitSeries {
  // f = 1/G; C, D are Lentz's ratios; the *b, *c, *z variables are their partial derivatives.
  let f = 1
  let fb = 0
  let fc = 0
  let fz = 0
  let C = 1
  let Cb = 0
  let Cc = 0
  let Cz = 0
  let D = 0
  let Db = 0
  let Dc = 0
  let Dz = 0
  for (let m = 1; m < MAX_TERMS; m++) {
    let k: number
    let kb: number
    let kc: number
    if (m % 2 === 1) {
      const j = (m + 1) / 2
      const den = (c + 2 * j - 3) * (c + 2 * j - 2)
      k = ((b + j - 1) * (c + j - 2)) / den
      kb = (c + j - 2) / den
      kc = (b + j - 1) / den - k * (1 / (c + 2 * j - 3) + 1 / (c + 2 * j - 2))
    } else {
      const j = m / 2
      const den = (c + 2 * j - 2) * (c + 2 * j - 1)
      k = (j * (c - 1 - b + j)) / den
      kb = -j / den
      kc = j / den - k * (1 / (c + 2 * j - 2) + 1 / (c + 2 * j - 1))
    }
    const a = -k * z
    const ab = -kb * z
    const ac = -kc * z
    const az = -k
    // D ← 1/(1 + a·D)
    const dInv = 1 + a * D
    const nD = 1 / dInv
    const nD2 = nD * nD
    const nDb = -(ab * D + a * Db) * nD2
    const nDc = -(ac * D + a * Dc) * nD2
    const nDz = -(az * D + a * Dz) * nD2
    // C ← 1 + a/C
    const nC = 1 + a / C
    const nCb = ab / C - (a * Cb) / (C * C)
    const nCc = ac / C - (a * Cc) / (C * C)
    const nCz = az / C - (a * Cz) / (C * C)
    const delta = nC * nD
    const fNew = f * delta
    fb = fb * delta + f * (nCb * nD + nC * nDb)
    fc = fc * delta + f * (nCc * nD + nC * nDc)
    fz = fz * delta + f * (nCz * nD + nC * nDz)
    f = fNew
    C = nC
    Cb = nCb
    Cc = nCc
    Cz = nCz
    D = nD
    Db = nDb
    Dc = nDc
    Dz = nDz
    if (Math.abs(delta - 1) < 1e-16) break
  }
  out.value = 1 / f
  out.db = -fb / (f * f)
  out.dc = -fc / (f * f)
  out.dz = -fz / (f * f)
  return out
}
