// Gauss–Legendre nodes and weights on [−1, 1], by Newton iteration on P_n (computed once).
function gaussLegendre(n: number) {
  const nodes = new Float64Array(n)
  const weights = new Float64Array(n)
  for (let i = 0; i < n; i++) {
    let x = Math.cos((Math.PI * (i + 0.75)) / (n + 0.5))
    let dp = 0
    for (let it = 0; it < 100; it++) {
      let p0 = 1
      let p1 = x
      for (let k = 2; k <= n; k++) [p0, p1] = [p1, ((2 * k - 1) * x * p1 - (k - 1) * p0) / k]
      dp = (n * (x * p1 - p0)) / (x * x - 1)
      const dx = p1 / dp
      x -= dx
      if (Math.abs(dx) < 1e-16) break
    }
    nodes[i] = x
    weights[i] = 2 / ((1 - x * x) * dp * dp)
  }
  return { nodes, weights }
}

const RULE = gaussLegendre(20)

/**
 * ∫ₐᵇ exp(logF(y)) dy as a logarithm: composite 20-point Gauss–Legendre on `panels` equal panels,
 * with the integrand scaled by its largest sampled value so that tiny or huge integrands survive.
 */
export function logIntegrate(logF: (y: number) => number, a: number, b: number, panels = 16): number {
  const h = (b - a) / panels
  const logs: number[] = []
  const ws: number[] = []
  for (let k = 0; k < panels; k++) {
    const mid = a + (k + 0.5) * h
    for (let i = 0; i < RULE.nodes.length; i++) {
      logs.push(logF(mid + 0.5 * h * RULE.nodes[i]!))
      ws.push(0.5 * h * RULE.weights[i]!)
    }
  }
  const m = Math.max(...logs)
  if (m === Number.NEGATIVE_INFINITY) return m
  let s = 0
  for (let i = 0; i < logs.length; i++) s += ws[i]! * Math.exp(logs[i]! - m)
  return m + Math.log(s)
}
