import type { Migration } from 'kysely'
import * as m0001 from './2026_11_23_0001_platform.js'

/** Append-only: add new migrations at the end with a later, sortable name. */
export const migrations: Record<string, Migration> = {
  '2026_11_23_0001_platform': m0001,
}
