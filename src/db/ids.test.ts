import { expect, it } from 'vitest'
import { isUuid, newId } from './ids.js'

it('makes version 7 UUIDs that sort in creation order, even within one millisecond', () => {
  const ids = Array.from({ length: 10_000 }, () => newId())
  expect(ids.every(isUuid)).toBe(true)
  expect(ids.every((id) => id[14] === '7' && '89ab'.includes(id[19] as string))).toBe(true)
  expect([...ids].sort()).toEqual(ids)
  expect(new Set(ids).size).toBe(ids.length)
  const ms = Number.parseInt(ids[0]?.replace(/-/g, '').slice(0, 12) ?? '', 16)
  expect(Math.abs(ms - Date.now())).toBeLessThan(60_000)
})
