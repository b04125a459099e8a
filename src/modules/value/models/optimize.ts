/** Objective: returns f(x) and writes ∇f(x) into `grad`. */
export type Objective = (x: Float64Array, grad: Float64Array) => number

export interface MinimizeResult {
  x: Float64Array
  f: number
  iterations: number
  converged: boolean
}

const dot = (u: Float64Array, v: Float64Array) => {
  let s = 0
  for (let i = 0; i < u.length; i++) s += u[i]! * v[i]!
  return s
}

const maxAbs = (v: Float64Array) => {
  let m = 0
  for (const e of v) m = Math.max(m, Math.abs(e))
  return m
}

/**
 * Dense BFGS with a backtracking Armijo line search. The models have 3–4 parameters, so keeping
 * the full inverse-Hessian approximation costs nothing and converges in far fewer evaluations than
 * L-BFGS. Parameters are optimised on the log scale, so steps are capped at 4 units to keep a
 * bad early step from overflowing exp(·).
 */
export function minimizeBfgs(
  fn: Objective,
  start: ArrayLike<number>,
  { maxIterations = 500, gradTol = 1e-9 } = {},
): MinimizeResult {
  const n = start.length
  const x = Float64Array.from(start)
  let g = new Float64Array(n)
  let f = fn(x, g)
  if (!Number.isFinite(f)) throw new Error('objective is not finite at the starting point')
  const H = new Float64Array(n * n)
  const resetH = (scale: number) => {
    H.fill(0)
    for (let i = 0; i < n; i++) H[i * n + i] = scale
  }
  resetH(1)
  const d = new Float64Array(n)
  const xNew = new Float64Array(n)
  let gNew = new Float64Array(n)
  const s = new Float64Array(n)
  const y = new Float64Array(n)
  const Hy = new Float64Array(n)
  let converged = false
  let it = 0
  for (; it < maxIterations; it++) {
    if (maxAbs(g) < gradTol) {
      converged = true
      break
    }
    for (let i = 0; i < n; i++) {
      let v = 0
      for (let j = 0; j < n; j++) v -= H[i * n + j]! * g[j]!
      d[i] = v
    }
    let slope = dot(d, g)
    if (slope >= 0) {
      // Not a descent direction (curvature information went stale): fall back to steepest descent.
      resetH(1)
      for (let i = 0; i < n; i++) d[i] = -g[i]!
      slope = dot(d, g)
    }
    let step = Math.min(1, 4 / maxAbs(d))
    let fNew = Number.NaN
    for (let k = 0; k < 60; k++) {
      for (let i = 0; i < n; i++) xNew[i] = x[i]! + step * d[i]!
      fNew = fn(xNew, gNew)
      if (Number.isFinite(fNew) && fNew <= f + 1e-4 * step * slope) break
      step *= 0.5
    }
    if (!Number.isFinite(fNew) || fNew > f) {
      converged = maxAbs(g) < 1e3 * gradTol
      break
    }
    for (let i = 0; i < n; i++) {
      s[i] = xNew[i]! - x[i]!
      y[i] = gNew[i]! - g[i]!
    }
    const sy = dot(s, y)
    if (sy > 1e-14) {
      if (it === 0) resetH(sy / dot(y, y))
      // H ← (I − ρsyᵀ) H (I − ρysᵀ) + ρssᵀ, expanded.
      const rho = 1 / sy
      for (let i = 0; i < n; i++) {
        let v = 0
        for (let j = 0; j < n; j++) v += H[i * n + j]! * y[j]!
        Hy[i] = v
      }
      const yHy = dot(y, Hy)
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) {
          H[i * n + j] =
            H[i * n + j]! - rho * (Hy[i]! * s[j]! + s[i]! * Hy[j]!) + (rho * rho * yHy + rho) * s[i]! * s[j]!
        }
      }
    }
    const fOld = f
    x.set(xNew)
    ;[g, gNew] = [gNew, g]
    f = fNew
    if (Math.abs(fOld - f) <= 1e-16 * Math.abs(f) && maxAbs(g) < 1e3 * gradTol) {
      converged = true
      break
    }
  }
  return { x, f, iterations: it, converged }
}
