import { createHash } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { DomainError } from '../../shared/domain-error.js'

const KEY = /^[\x21-\x7e]{1,255}$/

/**
 * `Idempotency-Key` on POST: the first request with a key runs and its response is stored; a
 * retry with the same key and body gets that stored response back (header `Idempotent-Replayed`);
 * the same key with another body is refused (422); a retry while the first is still running gets
 * 409. Keys are per workspace. Server errors are not stored, so the client may retry them.
 */
export const idempotency = fp(async (app: FastifyInstance) => {
  app.addHook('preHandler', async (request, reply) => {
    const key = request.headers['idempotency-key']
    if (request.method !== 'POST' || key === undefined || !request.actor) return
    if (typeof key !== 'string' || !KEY.test(key)) {
      throw new DomainError(
        'invalid',
        'INVALID_IDEMPOTENCY_KEY',
        'Idempotency-Key must be 1–255 visible ASCII characters',
      )
    }
    const path = request.routeOptions.url ?? request.url
    const requestHash = createHash('sha256')
      .update(`${request.method} ${request.url}\n${JSON.stringify(request.body ?? null)}`)
      .digest('hex')
    const workspaceId = request.actor.workspaceId
    const inserted = await app.db
      .insertInto('idempotency_keys')
      .values({ workspace_id: workspaceId, key, method: request.method, path, request_hash: requestHash })
      .onConflict((oc) => oc.columns(['workspace_id', 'key']).doNothing())
      .returning('key')
      .executeTakeFirst()
    if (inserted) {
      request.idempotencyKey = key
      return
    }
    const stored = await app.db
      .selectFrom('idempotency_keys')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('key', '=', key)
      .executeTakeFirstOrThrow()
    if (stored.request_hash !== requestHash) {
      throw new DomainError(
        'unprocessable',
        'IDEMPOTENCY_KEY_REUSED',
        'this Idempotency-Key was used with a different request',
      )
    }
    if (stored.status_code === null) {
      throw new DomainError(
        'conflict',
        'IDEMPOTENT_REQUEST_IN_PROGRESS',
        'a request with this Idempotency-Key is still running',
      )
    }
    reply.header('idempotent-replayed', 'true')
    if (stored.response_type) reply.type(stored.response_type)
    return reply
      .code(stored.status_code)
      .serializer((p: unknown) => p as string)
      .send(stored.response_body ?? '')
  })

  app.addHook('onSend', async (request, reply, payload) => {
    const key = request.idempotencyKey
    if (!key || !request.actor) return payload
    const { workspaceId } = request.actor
    if (reply.statusCode >= 500) {
      await app.db
        .deleteFrom('idempotency_keys')
        .where('workspace_id', '=', workspaceId)
        .where('key', '=', key)
        .execute()
      return payload
    }
    await app.db
      .updateTable('idempotency_keys')
      .set({
        status_code: reply.statusCode,
        response_body: typeof payload === 'string' ? payload : payload == null ? '' : String(payload),
        response_type: String(reply.getHeader('content-type') ?? 'application/json'),
      })
      .where('workspace_id', '=', workspaceId)
      .where('key', '=', key)
      .execute()
    return payload
  })
})
