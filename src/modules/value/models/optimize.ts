/** Objective: returns f(x) and writes ∇f(x) into `grad`. */
export type Objective = (x: Float64Array, grad: Float64Array) => number

export interface MinimizeResult {
  x: Float64Array
  f: number
  iterations: number
  converged: boolean
  /** gradient at x */
  grad: Float64Array
  /** final BFGS inverse-Hessian approximation (row-major), reusable as a warm start */
  inverseHessian: Float64Array
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

/** Shrink factor from the minimum of the quadratic through f(0), f'(0) and f(step), kept in [0.1, 0.5]. */
function quadraticStep(slope: number, f0: number, f1: number, step: number): number {
  const t = (-slope * step) / (2 * (f1 - f0 - slope * step))
  return Math.min(0.5, Math.max(0.1, t))
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
  { maxIterations = 500, gradTol = 1e-9, initialInverseHessian = undefined as Float64Array | undefined } = {},
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
  if (initialInverseHessian) H.set(initialInverseHessian)
  else resetH(1)
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
    // Backtracking; once steps shrink below 1e-10 in log space we are at the floating-point floor
    // of the objective (sums over 10⁵+ rows carry ~1e-13 relative noise) and stop.
    while (step * maxAbs(d) > 1e-10) {
      for (let i = 0; i < n; i++) xNew[i] = x[i]! + step * d[i]!
      fNew = fn(xNew, gNew)
      if (Number.isFinite(fNew) && fNew <= f + 1e-4 * step * slope) break
      step *= Number.isFinite(fNew) ? quadraticStep(slope, f, fNew, step) : 0.1
    }
    if (!(fNew <= f)) {
      converged = maxAbs(g) < 1e3 * gradTol
      break
    }
    for (let i = 0; i < n; i++) {
      s[i] = xNew[i]! - x[i]!
      y[i] = gNew[i]! - g[i]!
    }
    const sy = dot(s, y)
    if (sy > 1e-14) {
      if (it === 0 && !initialInverseHessian) resetH(sy / dot(y, y))
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
  return { x, f, iterations: it, converged, grad: g, inverseHessian: H }
}

/**
 * Minimises over all rows, warm-started from a fit on every k-th row when there are many rows.
 * The objectives are means over customers, so the subsample's optimum and curvature (its inverse
 * Hessian seeds BFGS) are close to the full data's and the full fit needs only a few iterations.
 * `objectiveFor(k)` builds the objective over every k-th row (k = 1: all rows).
 */
export function minimizeWarmStarted(
  objectiveFor: (stride: number) => Objective,
  rows: number,
  start: ArrayLike<number>,
  maxIterations: number,
): MinimizeResult & { objective: Objective } {
  const stride = Math.floor(rows / WARM_START_ROWS)
  let x0 = start
  let initialInverseHessian: Float64Array | undefined
  if (stride >= 2) {
    const warm = minimizeBfgs(objectiveFor(stride), start, { maxIterations, gradTol: 1e-6 })
    if (warm.converged) {
      x0 = warm.x
      initialInverseHessian = warm.inverseHessian
    }
  }
  const objective = objectiveFor(1)
  return { ...minimizeBfgs(objective, x0, { maxIterations, initialInverseHessian }), objective }
}

const WARM_START_ROWS = 25_000
