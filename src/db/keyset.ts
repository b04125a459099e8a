import { type Expression, type SqlBool, sql } from 'kysely'

/**
 * The keyset predicate `(sort, id) > (cursorSort, cursorId)` (or `<` when descending). A row
 * comparison lets PostgreSQL use one composite index range instead of an OR of two conditions.
 */
export function keysetAfter(
  sortColumn: string,
  idColumn: string,
  direction: 'asc' | 'desc',
  cursor: readonly unknown[],
): Expression<SqlBool> {
  const op = sql.raw(direction === 'asc' ? '>' : '<')
  return sql<SqlBool>`(${sql.ref(sortColumn)}, ${sql.ref(idColumn)}) ${op} (${cursor[0]}, ${cursor[1]})`
}
