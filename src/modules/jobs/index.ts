/**
 * Background jobs: a small layer over pg-boss that runs on the application's database (PostgreSQL
 * or the embedded PGlite), for modules to define their jobs (SLA sweep, outbox, value scoring).
 */
export { type JobContext, type JobDefinition, JobRunner, type JobRunnerOptions } from './job-runner.js'
