import type { Objective } from './optimize.js'

/** Inverse of a small dense symmetric matrix by Gauss–Jordan with partial pivoting; null if singular. */
export function invert(m: Float64Array, n: number): Float64Array | null {
  const a = Float64Array.from(m)
  const inv = new Float64Array(n * n)
  for (let i = 0; i < n; i++) inv[i * n + i] = 1
  for (let col = 0; col < n; col++) {
    let piv = col
    for (let r = col + 1; r < n; r++) if (Math.abs(a[r * n + col]!) > Math.abs(a[piv * n + col]!)) piv = r
    const p = a[piv * n + col]!
    if (!Number.isFinite(p) || Math.abs(p) < 1e-300) return null
    for (let j = 0; j < n; j++) {
      ;[a[col * n + j], a[piv * n + j]] = [a[piv * n + j]!, a[col * n + j]!]
      ;[inv[col * n + j], inv[piv * n + j]] = [inv[piv * n + j]!, inv[col * n + j]!]
    }
    for (let j = 0; j < n; j++) {
      a[col * n + j] = a[col * n + j]! / p
      inv[col * n + j] = inv[col * n + j]! / p
    }
    for (let r = 0; r < n; r++) {
      if (r === col) continue
      const f = a[r * n + col]!
      if (f === 0) continue
      for (let j = 0; j < n; j++) {
        a[r * n + j] = a[r * n + j]! - f * a[col * n + j]!
        inv[r * n + j] = inv[r * n + j]! - f * inv[col * n + j]!
      }
    }
  }
  return inv
}

/**
 * Standard errors of θ = exp(u) from the Hessian of the total negative log-likelihood in u = log θ,
 * built by forward differences of the analytic gradient (one gradient per parameter: on a million
 * customers each costs as much as an optimiser step). At the optimum the log-scale Hessian is
 * D·H_θ·D with D = diag(θ), so the delta method gives se(θᵢ) = θᵢ·sqrt((H_u⁻¹)ᵢᵢ).
 * `meanObjective` is −LL divided by `totalWeight`; `gradAtU` its gradient at u.
 */
export function logScaleStandardErrors(
  meanObjective: Objective,
  u: Float64Array,
  gradAtU: Float64Array,
  totalWeight: number,
) {
  const n = u.length
  const H = new Float64Array(n * n)
  const gp = new Float64Array(n)
  const probe = Float64Array.from(u)
  for (let j = 0; j < n; j++) {
    const h = 1e-6
    probe[j] = u[j]! + h
    meanObjective(probe, gp)
    probe[j] = u[j]!
    for (let i = 0; i < n; i++) H[i * n + j] = ((gp[i]! - gradAtU[i]!) / h) * totalWeight
  }
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const avg = 0.5 * (H[i * n + j]! + H[j * n + i]!)
      H[i * n + j] = avg
      H[j * n + i] = avg
    }
  }
  const inv = invert(H, n)
  return Array.from(u, (ui, i) => {
    const v = inv?.[i * n + i]
    return v !== undefined && v > 0 ? Math.exp(ui) * Math.sqrt(v) : Number.NaN
  })
}
