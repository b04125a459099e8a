import fs from 'node:fs'
import path from 'node:path'
import fastifyStatic from '@fastify/static'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { problem } from '../problem.js'
import { sendProblem } from './problem-errors.js'

/**
 * Serves the built web app (web/dist) and answers unknown non-API GETs with index.html so that
 * client-side routes survive a reload. API misses stay problem+json 404s.
 */
export const web = fp(async (app: FastifyInstance, opts: { webDir: string | undefined }) => {
  const webDir = opts.webDir
  const hasWeb = webDir !== undefined && fs.existsSync(path.join(webDir, 'index.html'))
  if (hasWeb) await app.register(fastifyStatic, { root: webDir, wildcard: false, index: 'index.html' })
  app.setNotFoundHandler(async (request, reply) => {
    const isPage =
      request.method === 'GET' &&
      !request.url.startsWith('/api') &&
      request.headers.accept?.includes('text/html')
    if (isPage && hasWeb) return reply.type('text/html').sendFile('index.html')
    if (isPage) {
      return reply
        .type('text/html')
        .send(
          '<!doctype html><title>Centric</title><p>The web app is not built. Run <code>npm run build:web</code>.</p>',
        )
    }
    return sendProblem(
      reply,
      request,
      problem(404, 'NOT_FOUND', `no route ${request.method} ${request.url.split('?')[0]}`),
    )
  })
})
