/**
 * Service centre: cases from every channel with their conversation and history, SLA clocks on
 * business-hours calendars (policies per value tier), priorities from a tier × urgency matrix,
 * teams and routing rules. Case events appear on the customer timeline.
 */
import { registerTimelineSource } from '../customers/index.js'
import { registerUnderServedSignal } from '../value/index.js'
import { caseTimelineSource } from './cases/case-timeline-source.js'
import { slaBreachesSignal } from './cases/under-served-signal.js'

registerTimelineSource(caseTimelineSource)
registerUnderServedSignal(slaBreachesSignal)

export { BookCallbackInput, bookCallback } from './callbacks/book-callback.js'
export { CallbackSlotsQuery, CallbackSlotsView, listCallbackSlots } from './callbacks/callback-slots.js'
export { CallbackView, getCallback } from './callbacks/callback-view.js'
export {
  CallbackQueueQuery,
  CompleteCallbackInput,
  cancelCallback,
  completeCallback,
  listCallbacks,
} from './callbacks/callbacks.js'
export { sweepCallbacks } from './callbacks/sweep-callbacks.js'
export {
  type CaseSlaInput,
  type CaseSlaState,
  evaluateCaseSla,
  type SlaTargets,
} from './case-sla/evaluate-case-sla.js'
export {
  CASE_CHANNELS,
  CASE_PRIORITIES,
  CASE_STATUSES,
  CASE_URGENCIES,
  type CaseChannel,
  type CasePriority,
  type CaseStatus,
} from './cases/case.constants.js'
export { CaseEventView, listCaseHistory } from './cases/case-history.js'
export {
  CaseMessageView,
  listCaseMessages,
  PostCaseMessageInput,
  postCaseMessage,
} from './cases/case-messages.js'
export { type CaseResolvedHook, registerCaseResolvedHook } from './cases/case-resolved-hooks.js'
export { CASE_TRANSITIONS } from './cases/case-status-machine.js'
export { CaseView, getCase } from './cases/case-view.js'
export { ChangeCaseStatusInput, changeCaseStatus } from './cases/change-case-status.js'
export { CreateCaseInput, createCase } from './cases/create-case.js'
export { ListCasesQuery, listCases } from './cases/list-cases.js'
export { MergeCasesInput, mergeCases } from './cases/merge-cases.js'
export {
  OverridePriorityInput,
  overrideCasePriority,
  takeCase,
  UpdateCaseInput,
  updateCase,
} from './cases/update-case.js'
export {
  ALWAYS_OPEN,
  CalendarInput,
  CalendarView,
  createCalendar,
  deleteCalendar,
  getCalendar,
  listCalendars,
  updateCalendar,
} from './config/calendars.js'
export { DEFAULT_PRIORITY_MATRIX, derivePriority, PriorityMatrix } from './config/priority-matrix.js'
export {
  getServiceSettings,
  ServiceSettingsView,
  UpdateServiceSettingsInput,
  updateServiceSettings,
} from './config/service-settings.js'
export {
  createPolicy,
  deletePolicy,
  getPolicy,
  listPolicies,
  PolicyInput,
  PolicyView,
  updatePolicy,
} from './config/sla-policies.js'
export {
  createTeam,
  deleteTeam,
  getTeam,
  listTeams,
  TeamInput,
  TeamView,
  updateTeam,
} from './config/teams.js'
export { ALERT_TYPES, AlertsQuery, AlertView, listAlerts } from './escalation/list-alerts.js'
export { type SweepResult, sweepSla } from './escalation/sweep-sla.js'
export {
  getIntakeForm,
  IntakeFormView,
  IntakeReceipt,
  IntakeSubmission,
  listIntakeSlots,
  submitIntake,
} from './intake/submit-intake.js'
export {
  createMacro,
  deleteMacro,
  getMacro,
  ListMacrosQuery,
  listMacros,
  MacroInput,
  MacroView,
  RenderedMacroView,
  renderMacroForCase,
  updateMacro,
} from './macros/macros.js'
export { MACRO_VARIABLES } from './macros/render-macro.js'
export {
  CasePlaybookView,
  getCasePlaybook,
  MarkStepInput,
  markPlaybookStep,
} from './playbooks/case-playbook.js'
export {
  createPlaybook,
  deletePlaybook,
  getPlaybook,
  listPlaybooks,
  PlaybookInput,
  PlaybookView,
  updatePlaybook,
} from './playbooks/playbooks.js'
export { listMyQueue, listTeamQueue, QueueItem, QueueQuery } from './queues/list-queue.js'
export { allQueuesHealth, QueueHealthView, queueHealth } from './queues/queue-health.js'
export { AttainmentQuery, AttainmentView, slaAttainment } from './reports/sla-attainment.js'
export {
  createRoutingRule,
  deleteRoutingRule,
  getRoutingRule,
  listRoutingRules,
  RoutingRuleInput,
  RoutingRuleView,
  updateRoutingRule,
} from './routing/routing-rules.js'
export { ServiceError, type ServiceErrorCode } from './service.errors.js'
export { serviceJobs } from './service-jobs.js'
export * from './sla/index.js'
export { withTransaction } from './with-transaction.js'
