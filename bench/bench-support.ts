// What every bench shares: the figure it reports (bench/run.ts prints them), p95, and timed
// requests against a listening server.

export interface Figure {
  name: string
  value: number
  unit: string
  target?: number
  baseline?: number
}

export function p95(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)] as number
}

/** A client for one server and token: `call` times one request, `measure` the p95 of many. */
export function timedClient(base: string, token: string) {
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' }
  const call = async (path: string, body?: object) => {
    const t0 = performance.now()
    const res = await fetch(`${base}${path}`, {
      method: body ? 'POST' : 'GET',
      headers,
      ...(body && { body: JSON.stringify(body) }),
    })
    const text = await res.text()
    if (!res.ok) throw new Error(`${path}: ${res.status} ${text.slice(0, 200)}`)
    return {
      ms: performance.now() - t0,
      json: JSON.parse(text) as { items?: unknown[]; nextCursor?: string | null },
    }
  }
  const measure = async (path: string, opts: { body?: object; warmup: number; runs: number }) => {
    for (let i = 0; i < opts.warmup; i++) await call(path, opts.body)
    const samples: number[] = []
    for (let i = 0; i < opts.runs; i++) samples.push((await call(path, opts.body)).ms)
    return p95(samples)
  }
  return { headers, call, measure }
}
