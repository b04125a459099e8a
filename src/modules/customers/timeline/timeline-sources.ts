import { type RawBuilder, sql } from 'kysely'

/**
 * A module's contribution to the customer timeline. `select` returns a query over the module's
 * own rows with exactly these columns: id (text), occurred_at (timestamptz), type (text),
 * summary (text), data (jsonb) — for one customer of one workspace. The timeline adds ordering,
 * filters and the page limit around it, so the query should be able to use an index on
 * (workspace_id, customer_id, occurred_at).
 */
export interface TimelineSource {
  /** Shown to clients as the item's source, and accepted as a filter: `purchases`, `cases`. */
  name: string
  select: (workspaceId: string, customerId: string) => RawBuilder<unknown>
}

const sources = new Map<string, TimelineSource>()

/** Modules call this from their index.ts; registering a name twice replaces the earlier one. */
export function registerTimelineSource(source: TimelineSource): void {
  sources.set(source.name, source)
}

export function timelineSources(): TimelineSource[] {
  return [...sources.values()]
}

// Events appended with appendTimelineEvent: tier changes, merges, notes, anything without a row of its own.
registerTimelineSource({
  name: 'events',
  select: (workspaceId, customerId) => sql`
    SELECT e.id::text AS id, e.occurred_at, e.type, e.summary, e.data
    FROM timeline_events e
    WHERE e.workspace_id = ${workspaceId} AND e.customer_id = ${customerId}`,
})
