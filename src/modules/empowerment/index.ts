/**
 * Empowerment: front-line staff fix things on the spot within authority limits set per role (and
 * team): action types with a cost rule, authority policies, goodwill grants executed at once
 * within authority or routed for approval above it, an append-only ledger (corrections are
 * reversal entries), budget reports. Grants post to the cost-to-serve ledger and appear on the
 * customer timeline and, as internal notes, on their case.
 */
import { registerTimelineSource } from '../customers/index.js'
import { grantTimelineSource } from './grant-timeline-source.js'

registerTimelineSource(grantTimelineSource)

export { actingUser } from './acting-user.js'
export {
  ActionTypeInput,
  ActionTypeView,
  createActionType,
  GRANT_ACTION_KINDS,
  getActionType,
  listActionTypes,
  updateActionType,
} from './action-types.js'
export { ApprovalView } from './approval-view.js'
export {
  createAuthorityPolicy,
  deleteAuthorityPolicy,
  getAuthorityPolicy,
  listAuthorityPolicies,
  PolicyInput,
  PolicyView,
  updateAuthorityPolicy,
} from './authority-policies.js'
export { createGrant, GrantInput, GrantOutcome } from './create-grant.js'
export { DecideApprovalInput, decideApproval } from './decide-approval.js'
export { EmpowermentError, type EmpowermentErrorCode } from './empowerment.errors.js'
export {
  ApprovalStatsView,
  approvalStats,
  BudgetUsageQuery,
  BudgetUsageRow,
  budgetUsage,
  empowermentImpact,
  ImpactRow,
  ReportWindow,
  registerSatisfactionProvider,
  type SatisfactionProvider,
} from './empowerment-reports.js'
export { AuthorityQuery, AuthorityView, getAuthority } from './get-authority.js'
export { LedgerEntryView } from './ledger-view.js'
export { getApproval, ListApprovalsQuery, listApprovals } from './list-approvals.js'
export { exportLedgerCsv, LedgerQuery, listLedger } from './list-ledger.js'
export { ReverseGrantInput, reverseGrant } from './reverse-grant.js'
