/** A seeded PRNG (mulberry32): the demo data is the same on every machine and every run. */
export function demoRandom(seed: number) {
  let s = seed >>> 0
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0
    let r = Math.imul(s ^ (s >>> 15), 1 | s)
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296
  }
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T,
    chance: (p: number) => next() < p,
    /** Exponential waiting time with the given mean: purchase gaps of a Poisson buyer. */
    exp: (mean: number) => -Math.log(1 - next()) * mean,
  }
}
export type DemoRandom = ReturnType<typeof demoRandom>
