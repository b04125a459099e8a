import type { BgNbdParams, CustomerColumns, GammaGammaParams, ParetoNbdParams } from './types.js'

/** Seeded uniform PRNG on (0, 1) (mulberry32): reproducible synthetic customers for tests and benches. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return (((t ^ (t >>> 14)) >>> 0) + 0.5) / 4294967296
  }
}

function normal(rand: () => number): number {
  return Math.sqrt(-2 * Math.log(rand())) * Math.cos(2 * Math.PI * rand())
}

/** Gamma(shape, rate) by Marsaglia & Tsang (2000), with the U^(1/k) boost for shape < 1. */
export function sampleGamma(rand: () => number, shape: number, rate: number): number {
  if (shape < 1) return sampleGamma(rand, shape + 1, rate) * rand() ** (1 / shape)
  const d = shape - 1 / 3
  const c = 1 / Math.sqrt(9 * d)
  for (;;) {
    let x: number
    let v: number
    do {
      x = normal(rand)
      v = 1 + c * x
    } while (v <= 0)
    v = v * v * v
    const u = rand()
    if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return (d * v) / rate
  }
}

function sampleBeta(rand: () => number, a: number, b: number): number {
  const x = sampleGamma(rand, a, 1)
  return x / (x + sampleGamma(rand, b, 1))
}

/**
 * Customers drawn from the BG/NBD model: λ ~ Gamma(r, α), p ~ Beta(a, b); purchases arrive at
 * rate λ after the first one at time 0, and after each repeat purchase the customer drops out
 * with probability p. `T` gives each customer's observation length.
 */
export function simulateBgNbd(params: BgNbdParams, T: Float64Array, rand: () => number): CustomerColumns {
  const n = T.length
  const out = { x: new Float64Array(n), tx: new Float64Array(n), T: Float64Array.from(T) }
  for (let i = 0; i < n; i++) {
    const lambda = sampleGamma(rand, params.r, params.alpha)
    const p = sampleBeta(rand, params.a, params.b)
    let t = 0
    let x = 0
    for (;;) {
      const next = t - Math.log(rand()) / lambda
      if (next > T[i]!) break
      t = next
      x++
      if (rand() < p) break
    }
    out.x[i] = x
    out.tx[i] = t
  }
  return out
}

/** Customers drawn from the Pareto/NBD model: λ ~ Gamma(r, α), μ ~ Gamma(s, β), lifetime ~ Exp(μ). */
export function simulateParetoNbd(
  params: ParetoNbdParams,
  T: Float64Array,
  rand: () => number,
): CustomerColumns {
  const n = T.length
  const out = { x: new Float64Array(n), tx: new Float64Array(n), T: Float64Array.from(T) }
  for (let i = 0; i < n; i++) {
    const lambda = sampleGamma(rand, params.r, params.alpha)
    const mu = sampleGamma(rand, params.s, params.beta)
    const end = Math.min(T[i]!, -Math.log(rand()) / mu)
    let t = 0
    let x = 0
    for (;;) {
      const next = t - Math.log(rand()) / lambda
      if (next > end) break
      t = next
      x++
    }
    out.x[i] = x
    out.tx[i] = t
  }
  return out
}

/** Mean spend of x transactions per customer under Gamma-Gamma: z̄ ~ Gamma(px, νx), ν ~ Gamma(q, v); 0 if x = 0. */
export function simulateGammaGamma(
  params: GammaGammaParams,
  x: Float64Array,
  rand: () => number,
): Float64Array {
  return Float64Array.from(x, (xi) => {
    if (xi <= 0) return 0
    const nu = sampleGamma(rand, params.q, params.v)
    return sampleGamma(rand, params.p * xi, nu * xi)
  })
}
