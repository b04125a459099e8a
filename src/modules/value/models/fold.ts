import type { CustomerColumns, FoldedCustomers } from './types.js'

const bits = new Float64Array(1)
const words = new Uint32Array(bits.buffer)

function mix(h: number, v: number): number {
  bits[0] = v === 0 ? 0 : v // −0 and 0 must land in the same bucket
  h = Math.imul(h ^ words[0]!, 0x9e3779b1)
  h = Math.imul(h ^ words[1]!, 0x85ebca77)
  return h ^ (h >>> 15)
}

/**
 * Folds customers with identical (x, t_x, T) into one weighted row. Every likelihood in this module
 * takes weights, so a fit costs O(distinct rows): with dates in days or weeks, millions of customers
 * fold into tens or hundreds of thousands of rows. Uses an open-addressing hash table over the raw
 * float bits (no string keys).
 *
 * @example
 * const folded = foldCustomers({ x, tx, T })
 * fitBgNbd(folded)
 */
export function foldCustomers(data: CustomerColumns, weights?: ArrayLike<number>): FoldedCustomers {
  const n = data.x.length
  // The table grows with the number of distinct rows, not customers: a small table stays in cache.
  let size = 1024
  let table: Int32Array = new Int32Array(size).fill(-1)
  const x = new Float64Array(n)
  const tx = new Float64Array(n)
  const T = new Float64Array(n)
  const hash = new Int32Array(n)
  const weight = new Float64Array(n)
  let rows = 0
  let customers = 0
  for (let i = 0; i < n; i++) {
    const xi = data.x[i]!
    const ti = data.tx[i]!
    const Ti = data.T[i]!
    const w = weights ? weights[i]! : 1
    customers += w
    const h = mix(mix(mix(0x811c9dc5, xi), ti), Ti)
    let slot = h & (size - 1)
    for (;;) {
      const row = table[slot]!
      if (row < 0) {
        table[slot] = rows
        x[rows] = xi
        tx[rows] = ti
        T[rows] = Ti
        hash[rows] = h
        weight[rows] = w
        rows++
        if (2 * rows > size) {
          size *= 4
          table = rehash(hash, rows, size)
        }
        break
      }
      if (x[row] === xi && tx[row] === ti && T[row] === Ti) {
        weight[row] = weight[row]! + w
        break
      }
      slot = (slot + 1) & (size - 1)
    }
  }
  return {
    x: x.slice(0, rows),
    tx: tx.slice(0, rows),
    T: T.slice(0, rows),
    weight: weight.slice(0, rows),
    rows,
    customers,
  }
}

function rehash(hash: Int32Array, rows: number, size: number): Int32Array {
  const table = new Int32Array(size).fill(-1)
  for (let row = 0; row < rows; row++) {
    let slot = hash[row]! & (size - 1)
    while (table[slot]! >= 0) slot = (slot + 1) & (size - 1)
    table[slot] = row
  }
  return table
}

/**
 * Total weight per distinct value (frequencies: the Γ-function terms of the likelihoods depend on
 * x alone). Small non-negative integers, the usual case, are tallied in an array, not a Map.
 */
export function weightByFrequency(x: Float64Array, weight?: Float64Array) {
  let max = 0
  let integral = true
  for (const v of x) {
    if (!(Number.isInteger(v) && v >= 0)) integral = false
    else if (v > max) max = v
  }
  if (integral && max < 1e6) {
    const tally = new Float64Array(max + 1)
    for (let i = 0; i < x.length; i++) tally[x[i]!] = tally[x[i]!]! + (weight ? weight[i]! : 1)
    const values: number[] = []
    const weights: number[] = []
    for (let v = 0; v <= max; v++) {
      if (tally[v]! === 0) continue
      values.push(v)
      weights.push(tally[v]!)
    }
    return { values: Float64Array.from(values), weights: Float64Array.from(weights) }
  }
  const totals = new Map<number, number>()
  for (let i = 0; i < x.length; i++) totals.set(x[i]!, (totals.get(x[i]!) ?? 0) + (weight ? weight[i]! : 1))
  return { values: Float64Array.from(totals.keys()), weights: Float64Array.from(totals.values()) }
}

/** Accepts folded or plain columns; plain columns get unit weights. */
export function asFolded(data: CustomerColumns | FoldedCustomers): FoldedCustomers {
  if ('weight' in data) return data
  const n = data.x.length
  return { ...data, weight: new Float64Array(n).fill(1), rows: n, customers: n }
}

/**
 * Distinct values of a column and, per row, the index of its value. Dates give few distinct
 * ages and recencies, so per-evaluation logs over the distinct values replace logs per row.
 */
export function distinctValues(column: Float64Array) {
  let size = 1024
  let table: Int32Array = new Int32Array(size).fill(-1)
  const values = new Float64Array(column.length)
  const hashes = new Int32Array(column.length)
  const of = new Int32Array(column.length)
  let count = 0
  for (let i = 0; i < column.length; i++) {
    const v = column[i]!
    const h = mix(0x811c9dc5, v)
    let slot = h & (size - 1)
    for (;;) {
      const k = table[slot]!
      if (k < 0) {
        table[slot] = count
        values[count] = v
        hashes[count] = h
        of[i] = count++
        if (2 * count > size) {
          size *= 4
          table = rehash(hashes, count, size)
        }
        break
      }
      if (values[k] === v) {
        of[i] = k
        break
      }
      slot = (slot + 1) & (size - 1)
    }
  }
  return { values: values.slice(0, count), of }
}

/** Every k-th row of folded data (weights kept): an unbiased subsample for warm starts. */
export function strideRows(data: FoldedCustomers, k: number): FoldedCustomers {
  if (k <= 1) return data
  const pick = (c: Float64Array) =>
    Float64Array.from({ length: Math.ceil(data.rows / k) }, (_, i) => c[i * k]!)
  const weight = pick(data.weight)
  return {
    x: pick(data.x),
    tx: pick(data.tx),
    T: pick(data.T),
    weight,
    rows: weight.length,
    customers: weight.reduce((s, w) => s + w, 0),
  }
}
