import type { RawBuilder } from 'kysely'

/**
 * A reason another module has to call a valuable customer under-served: SLA breaches from the
 * service module, low satisfaction from feedback, and so on. `customers` returns a query of the
 * workspace's customers that carry the reason (one `customer_id` column, each id once); the
 * report joins it, so a signal costs one query however many customers it names.
 *
 * @example
 * registerUnderServedSignal({
 *   reason: 'sla_breaches',
 *   customers: (ws) => sql`SELECT DISTINCT customer_id FROM cases WHERE workspace_id = ${ws} AND breached`,
 * })
 */
export interface UnderServedSignal {
  /** stable code shown in the report's `reasons`, e.g. `sla_breaches`, `low_satisfaction` */
  reason: string
  customers: (workspaceId: string) => RawBuilder<{ customer_id: string }>
}

const signals = new Map<string, UnderServedSignal>()

/** Adds a signal to the service-fit report (a module calls it once, when its index loads). */
export function registerUnderServedSignal(signal: UnderServedSignal): void {
  if (!/^[a-z][a-z0-9_]{0,39}$/.test(signal.reason)) throw new Error(`bad signal reason ${signal.reason}`)
  signals.set(signal.reason, signal)
}

export const underServedSignals = (): UnderServedSignal[] => [...signals.values()]
