import { z } from 'zod'
import type { Executor } from '../../db/database.js'
import { findOwned } from '../../db/find-owned.js'
import type { Actor } from '../platform/index.js'
import { unknownReference } from './empowerment.errors.js'
import { authorityNumbers, resolveAuthority } from './resolve-authority.js'

export const AuthorityQuery = z.object({
  customerId: z.uuid(),
  caseId: z.uuid().optional(),
})

export const AuthorityView = z.object({
  remaining: z.string().nullable().describe('Largest grant possible now without approval; null = no limit'),
  customerUsed: z.string().describe('Granted to this customer within the policy period'),
  agentUsedThisMonth: z.string().describe('Granted on your own authority this month'),
  policy: z.record(z.string(), z.unknown()).describe('The policy that applies'),
})
export type AuthorityView = z.infer<typeof AuthorityView>

/** The caller's remaining authority for a customer (and case): what the grant dialog shows first. */
export async function getAuthority(
  db: Executor,
  actor: Actor,
  query: z.infer<typeof AuthorityQuery>,
): Promise<AuthorityView> {
  const customer = await findOwned(db, 'customers', actor.workspaceId, query.customerId)
  if (!customer) throw unknownReference('customerId', 'customer')
  const theCase = query.caseId ? await findOwned(db, 'cases', actor.workspaceId, query.caseId) : undefined
  if (query.caseId && (!theCase || theCase.customer_id !== customer.id))
    throw unknownReference('caseId', 'case')
  const authority = await resolveAuthority(db, actor.workspaceId, actor, {
    customer,
    case: theCase ?? null,
  })
  return authorityNumbers(authority)
}
