import type { Executor, Row } from '../../db/database.js'
import { findOwned } from '../../db/find-owned.js'
import { EmpowermentError, unknownReference } from './empowerment.errors.js'
import { fromCents, toCents } from './money.js'
import type { GrantSubject } from './resolve-authority.js'

export interface LoadedGrant {
  subject: GrantSubject
  actionType: Row<'grant_action_types'>
  amount: bigint
}

/** Resolves the ids of a grant request in this workspace and settles its amount by the cost rule. */
export async function loadGrantSubject(
  db: Executor,
  workspaceId: string,
  input: { customerId: string; caseId?: string | null; actionTypeId: string; amount?: string | null },
): Promise<LoadedGrant> {
  const customer = await findOwned(db, 'customers', workspaceId, input.customerId)
  if (!customer) throw unknownReference('customerId', 'customer')
  const theCase = input.caseId ? await findOwned(db, 'cases', workspaceId, input.caseId) : null
  if (input.caseId && !theCase) throw unknownReference('caseId', 'case')
  if (theCase && theCase.customer_id !== customer.id)
    throw new EmpowermentError('UNKNOWN_REFERENCE', 'the case belongs to another customer', {
      fields: [{ path: 'caseId', message: 'not a case of this customer' }],
    })
  const actionType = await findOwned(db, 'grant_action_types', workspaceId, input.actionTypeId)
  if (!actionType) throw unknownReference('actionTypeId', 'action type')
  if (!actionType.active)
    throw new EmpowermentError('ACTION_TYPE_INACTIVE', `action type ${actionType.name} is switched off`)
  let amount: bigint
  if (actionType.cost_rule === 'fixed') {
    amount = toCents(actionType.fixed_amount ?? '0')
    if (input.amount != null && toCents(input.amount) !== amount)
      throw new EmpowermentError('INVALID_AMOUNT', `${actionType.name} costs ${fromCents(amount)}`, {
        fields: [{ path: 'amount', message: `fixed at ${fromCents(amount)}; leave it out` }],
      })
  } else {
    if (input.amount == null)
      throw new EmpowermentError('INVALID_AMOUNT', 'enter the amount', {
        fields: [{ path: 'amount', message: 'required for this action type' }],
      })
    amount = toCents(input.amount)
  }
  if (amount <= 0n)
    throw new EmpowermentError('INVALID_AMOUNT', 'a grant is worth more than nothing', {
      fields: [{ path: 'amount', message: 'must be greater than 0' }],
    })
  return {
    subject: {
      customer: { id: customer.id, tier: customer.tier, lifecycle_stage: customer.lifecycle_stage },
      case: theCase ? { id: theCase.id, category: theCase.category, team_id: theCase.team_id } : null,
    },
    actionType,
    amount,
  }
}
