import { randomBytes, randomInt } from 'node:crypto'

let lastMs = 0
let sequence = 0

/**
 * UUID version 7 (RFC 9562): time-ordered, so new rows land at the end of the primary-key index
 * and "order by id" is creation order, which keeps cursor pagination cheap. Ids made in the same
 * millisecond by this process stay in order too: rand_a carries a counter that starts at a random
 * value each millisecond (RFC 9562, method 1), so two events written one after the other sort as
 * they happened.
 */
export function newId(): string {
  const now = Date.now()
  if (now > lastMs) {
    lastMs = now
    sequence = randomInt(0, 0x800) // the lower half, leaving room to count up
  } else if (++sequence > 0xfff) {
    lastMs++ // borrow the next millisecond rather than wrap
    sequence = 0
  }
  const bytes = randomBytes(16)
  bytes.writeUIntBE(lastMs, 0, 6)
  bytes[6] = 0x70 | (sequence >> 8)
  bytes[7] = sequence & 0xff
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80
  const hex = bytes.toString('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export const isUuid = (value: string): boolean => UUID.test(value)
