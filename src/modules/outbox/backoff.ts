/** Seconds to wait before attempt `attempts + 1`: 30 s, 1 min, 2 min, ... capped at one hour. */
export function backoffSeconds(attempts: number): number {
  return Math.min(3600, 30 * 2 ** Math.max(0, attempts - 1))
}
