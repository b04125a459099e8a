/**
 * Service centre. So far: the business-hours SLA clock (deadlines, elapsed business time,
 * next opening) that cases, callbacks and breach escalation will run on.
 */
export * from './sla/index.js'
