import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  CreateUserInput,
  createUser,
  getUser,
  ListUsersQuery,
  listUsers,
  UpdateUserInput,
  UserView,
  updateUser,
} from '../../modules/platform/index.js'
import { PageQuery, pageOf } from '../../shared/pagination.js'

const Params = z.object({ id: z.string().max(100) })

export const usersRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/users',
    {
      schema: {
        tags: ['users'],
        summary: 'List users',
        querystring: ListUsersQuery.extend(PageQuery.shape),
        response: { 200: pageOf(UserView) },
      },
      config: { permission: 'users:read' },
    },
    async (req) => listUsers(app.db, req.actor.workspaceId, req.query),
  )
  app.post(
    '/api/users',
    {
      schema: {
        tags: ['users'],
        summary: 'Create a user',
        body: CreateUserInput,
        response: { 201: UserView },
      },
      config: { permission: 'users:write' },
    },
    async (req, reply) => reply.code(201).send(await createUser(app.db, req.actor, req.body)),
  )
  app.get(
    '/api/users/:id',
    {
      schema: { tags: ['users'], summary: 'Get a user', params: Params, response: { 200: UserView } },
      config: { permission: 'users:read' },
    },
    async (req) => getUser(app.db, req.actor.workspaceId, req.params.id),
  )
  app.patch(
    '/api/users/:id',
    {
      schema: {
        tags: ['users'],
        summary: 'Change a user (name, role, active)',
        params: Params,
        body: UpdateUserInput,
        response: { 200: UserView },
      },
      config: { permission: 'users:write' },
    },
    async (req) => updateUser(app.db, req.actor, req.params.id, req.body),
  )
  app.post(
    '/api/users/:id/deactivate',
    {
      schema: {
        tags: ['users'],
        summary: 'Deactivate a user and end their sessions',
        params: Params,
        response: { 200: UserView },
      },
      config: { permission: 'users:write' },
    },
    async (req) => updateUser(app.db, req.actor, req.params.id, { active: false }),
  )
  app.post(
    '/api/users/:id/reactivate',
    {
      schema: { tags: ['users'], summary: 'Reactivate a user', params: Params, response: { 200: UserView } },
      config: { permission: 'users:write' },
    },
    async (req) => updateUser(app.db, req.actor, req.params.id, { active: true }),
  )
}
