import { IANAZone } from 'luxon'

export const MINUTE_MS = 60_000
export const DAY_MS = 86_400_000

// Entries are facts about tzdata, valid for the life of the process; the cap only bounds memory
// when callers sweep across many centuries.
const CACHE_CAP = 50_000
const STRIDE = 4

/**
 * Wall-clock arithmetic for one IANA zone. A "day" is a local calendar date numbered like the epoch
 * day of the same date in UTC (1970-01-01 = 0), so `day * DAY_MS + minutes * MINUTE_MS` is the wall
 * time written as if it were UTC ("naive" milliseconds).
 */
export class ZoneClock {
  static readonly #clocks = new Map<string, ZoneClock>()

  static for(zoneName: string): ZoneClock {
    let clock = ZoneClock.#clocks.get(zoneName)
    if (!clock) {
      clock = new ZoneClock(IANAZone.create(zoneName))
      ZoneClock.#clocks.set(zoneName, clock)
    }
    return clock
  }

  readonly #zone: IANAZone
  // Offset (minutes) sampled at the instant `day * DAY_MS`.
  readonly #samples = new Map<number, number>()
  // Offset valid for every instant that can show a wall time of `day`, or NaN if it changes.
  readonly #dayOffsets = new Map<number, number>()

  private constructor(zone: IANAZone) {
    this.#zone = zone
  }

  /** UTC offset in minutes at `ts`. One Intl call (several µs), so hot paths use the day cache. */
  offsetAt(ts: number): number {
    return this.#zone.offset(ts)
  }

  /** The local date the wall clock shows at `ts`. */
  localDay(ts: number): number {
    return Math.floor((ts + this.offsetAt(ts) * MINUTE_MS) / DAY_MS)
  }

  /**
   * The first instant at which the wall clock reaches `minuteOfDay` (0..1440) on `day`. In a
   * spring-forward gap that is the end of the gap (the first valid instant after); for a wall time
   * that repeats after a fall-back it is the earlier occurrence. Mapping every boundary with this one
   * monotone rule keeps adjacent ranges (17:00 end, 17:00 start; Sunday 24:00, Monday 00:00) gap- and
   * overlap-free, so split ranges add up to the unsplit range.
   */
  firstReach(day: number, minuteOfDay: number): number {
    const wall = day * DAY_MS + minuteOfDay * MINUTE_MS
    const offset = this.#dayOffset(day)
    if (!Number.isNaN(offset)) return wall - offset * MINUTE_MS
    return this.#firstReachAcrossTransition(day, wall)
  }

  #dayOffset(day: number): number {
    const cached = this.#dayOffsets.get(day)
    if (cached !== undefined) return cached
    // Instants showing a wall time of `day` (including its 24:00) lie within
    // [day - 14 h, day + 1 + 12 h]; samples a day apart over [day - 1, day + 2] cover that window.
    // Equal samples mean no transition, as no zone changes its offset and back within a day (see
    // #sample for the closest such pairs).
    const first = this.#sample(day - 1)
    let offset = first
    for (let d = day; d <= day + 2; d++) if (this.#sample(d) !== first) offset = Number.NaN
    remember(this.#dayOffsets, day, offset)
    return offset
  }

  #sample(day: number): number {
    const cached = this.#samples.get(day)
    if (cached !== undefined) return cached
    // Probe every fourth day: offsets change a couple of times a year, so one Intl call usually
    // settles four days (a cold 30-business-day deadline costs ~12 calls instead of ~45). Equal
    // probes mean no change in between, as long as no zone changes its offset and back within four
    // days: the closest pairs since 1970 are a week apart (America/Boa_Vista 2000, Asia/Gaza 2040 as
    // predicted), found by sampling every zone of the runtime's tzdata 6-hourly over 1970–2045.
    const first = day - (((day % STRIDE) + STRIDE) % STRIDE)
    const atFirst = this.#probe(first)
    const atNext = this.#probe(first + STRIDE)
    for (let d = first + 1; d < first + STRIDE; d++) {
      remember(this.#samples, d, atFirst === atNext ? atFirst : this.offsetAt(d * DAY_MS))
    }
    return this.#samples.get(day) ?? this.offsetAt(day * DAY_MS)
  }

  #probe(day: number): number {
    let offset = this.#samples.get(day)
    if (offset === undefined) {
      offset = this.offsetAt(day * DAY_MS)
      remember(this.#samples, day, offset)
    }
    return offset
  }

  #firstReachAcrossTransition(day: number, wall: number): number {
    const offsets = new Set<number>()
    for (let d = day - 1; d <= day + 2; d++) offsets.add(this.#sample(d))
    let earliest = Number.POSITIVE_INFINITY
    for (const offset of offsets) {
      const ts = wall - offset * MINUTE_MS
      if (this.offsetAt(ts) === offset && ts < earliest) earliest = ts
    }
    if (earliest !== Number.POSITIVE_INFINITY) return earliest
    // No instant shows this wall time: it lies in a gap. Bisect for the first instant whose wall
    // time is past it, i.e. the transition; transitions are rare enough that ~25 Intl calls is fine.
    let lo = wall - Math.max(...offsets) * MINUTE_MS
    let hi = wall - Math.min(...offsets) * MINUTE_MS
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2)
      if (mid + this.offsetAt(mid) * MINUTE_MS >= wall) hi = mid
      else lo = mid
    }
    return hi
  }
}

function remember(cache: Map<number, number>, key: number, value: number): void {
  if (cache.size >= CACHE_CAP) cache.clear()
  cache.set(key, value)
}
