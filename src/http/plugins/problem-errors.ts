import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod'
import { ZodError } from 'zod'
import { DomainError, type FieldIssue } from '../../shared/domain-error.js'
import { type Problem, problem, STATUS_OF_KIND } from '../problem.js'

/** SQLSTATE classes that mean "the input was bad", so they must never surface as a 500. */
function fromDatabaseError(code: string, message: string): Problem | undefined {
  if (code === '23505') return problem(409, 'CONFLICT', 'a record with these values already exists')
  if (code === '23503')
    return problem(409, 'REFERENCE_CONFLICT', 'a referenced record does not exist or is still in use')
  if (code === '40001' || code === '40P01')
    return problem(409, 'CONCURRENT_UPDATE', 'a concurrent change conflicted; retry')
  if (code === '23514' || code === '23502') return problem(400, 'CONSTRAINT_VIOLATION', message)
  if (code.startsWith('22')) return problem(400, 'INVALID_VALUE', message)
  if (code === '54000' || code === '54001') return problem(400, 'INPUT_TOO_COMPLEX', message)
  return undefined
}

const zodIssues = (err: ZodError, prefix: string): FieldIssue[] =>
  err.issues.map((i) => ({
    path: [prefix, ...i.path.map(String)].filter(Boolean).join('.'),
    message: i.message,
  }))

export function toProblem(error: unknown): { problem: Problem; retryAfter?: number; internal: boolean } {
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = (error as FastifyError).validationContext ?? 'request'
    const errors = error.validation.map((v) => ({
      path: [where, ...v.instancePath.split('/').filter(Boolean)].join('.'),
      message: v.message ?? 'invalid',
    }))
    return {
      problem: problem(400, 'VALIDATION_FAILED', 'the request does not match the schema', errors),
      internal: false,
    }
  }
  if (error instanceof ZodError) {
    return {
      problem: problem(
        400,
        'VALIDATION_FAILED',
        'the request does not match the schema',
        zodIssues(error, ''),
      ),
      internal: false,
    }
  }
  if (error instanceof DomainError) {
    const p = problem(STATUS_OF_KIND[error.kind], error.code, error.message, error.details.fields)
    return { problem: p, retryAfter: error.details.retryAfterSeconds, internal: false }
  }
  if (isResponseSerializationError(error))
    return { problem: problem(500, 'INTERNAL', 'internal error'), internal: true }
  const e = error as Partial<FastifyError> & { code?: unknown; severity?: unknown }
  // Database errors carry a 5-character SQLSTATE and a severity; fastify's own codes start with FST_.
  if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code) && e.severity !== undefined) {
    const p = fromDatabaseError(e.code, String(e.message ?? ''))
    if (p) return { problem: p, internal: false }
  }
  if (typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
    const code =
      typeof e.code === 'string' ? e.code.replace(/^FST_ERR_/, '').replace(/^CTP_/, '') : 'BAD_REQUEST'
    return { problem: problem(e.statusCode, code, e.message), internal: false }
  }
  return { problem: problem(500, 'INTERNAL', 'internal error'), internal: true }
}

export function sendProblem(reply: FastifyReply, request: FastifyRequest, p: Problem, retryAfter?: number) {
  if (retryAfter) reply.header('retry-after', String(retryAfter))
  return reply
    .code(p.status)
    .type('application/problem+json; charset=utf-8')
    .send({ ...p, requestId: String(request.id) })
}

/** One error handler for the whole API: every error leaves as application/problem+json. */
export const problemErrors = fp(async (app: FastifyInstance) => {
  app.setErrorHandler((error, request, reply) => {
    const { problem: p, retryAfter, internal } = toProblem(error)
    if (internal) request.log.error({ err: error }, 'unhandled error')
    else request.log.info({ code: p.code, status: p.status }, 'request refused')
    return sendProblem(reply, request, p, retryAfter)
  })
})
