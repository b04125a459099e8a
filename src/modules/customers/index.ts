/**
 * Customer 360: people and organisations, custom attributes, search and saved segments, and the
 * timeline every module plugs its events into.
 */
export {
  AttributeDefinitionView,
  CreateAttributeInput,
  createAttributeDefinition,
  deleteAttributeDefinition,
  listAttributeDefinitions,
  UpdateAttributeInput,
  updateAttributeDefinition,
  validateAttributes,
} from './attributes.js'
export { CustomerFilter, customerFilterExpression, searchTerm } from './customer-filter.js'
export { lockForUncheckedBulkWrite } from './customer-removal-lock.js'
export { CustomersError, type CustomersErrorCode } from './customers.errors.js'
export {
  CreateCustomerInput,
  CustomerEmail,
  CustomerPhone,
  CustomerView,
  LIFECYCLE_STAGES,
  normalisePhone,
  UpdateCustomerInput,
} from './customers.schemas.js'
export {
  CUSTOMER_SORTS,
  countCustomers,
  getCustomer,
  SearchCustomersInput,
  searchCustomers,
} from './find-customers.js'
export { DuplicateCandidateView, FindDuplicatesQuery, findDuplicates } from './find-duplicates.js'
export { CustomerMergeView, listCustomerMerges } from './list-customer-merges.js'
export { filterFromQuery, ListCustomersQuery } from './list-customers-query.js'
export { DuplicatePairView, listDuplicatePairs } from './list-duplicate-pairs.js'
export { listMergeHistory, MergeHistoryEntryView } from './list-merge-history.js'
export { MergeCustomersInput, MergeResultView, mergeCustomers } from './merge-customers.js'
export { correctNameWords, recordNameWords } from './name-words.js'
export { createCustomer, updateCustomer } from './save-customer.js'
export {
  createSegment,
  deleteSegment,
  getSegment,
  listSegments,
  SaveSegmentInput,
  SegmentView,
  UpdateSegmentInput,
  updateSegment,
} from './segments.js'
export { appendTimelineEvent, type NewTimelineEvent } from './timeline/append-timeline-event.js'
export { listTimeline, TimelineItem, TimelineQuery } from './timeline/list-timeline.js'
export { registerTimelineSource, type TimelineSource } from './timeline/timeline-sources.js'
