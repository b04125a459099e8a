import type { Executor, Row } from '../../../db/database.js'

/** Called in the resolving transaction with the resolved case (e.g. feedback sends a CSAT survey). */
export type CaseResolvedHook = (trx: Executor, resolved: Row<'cases'>, now: Date) => Promise<void>

const hooks: CaseResolvedHook[] = []

/** Lets another module act when a case is resolved without the service module knowing it. */
export function registerCaseResolvedHook(hook: CaseResolvedHook): void {
  if (!hooks.includes(hook)) hooks.push(hook)
}

export async function runCaseResolvedHooks(trx: Executor, resolved: Row<'cases'>, now: Date): Promise<void> {
  for (const hook of hooks) await hook(trx, resolved, now)
}
