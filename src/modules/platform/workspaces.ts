import { z } from 'zod'
import type { Executor, Row } from '../../db/database.js'
import { newId } from '../../db/ids.js'
import { PlatformError } from './platform.errors.js'

export const CreateWorkspaceInput = z.object({
  slug: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'lower-case letters, digits and dashes, up to 63 characters'),
  name: z.string().trim().min(1).max(200),
  timezone: z.string().min(1).max(64).default('UTC'),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .default('USD'),
})
export type CreateWorkspaceInput = z.input<typeof CreateWorkspaceInput>

export const WorkspaceView = z.object({
  id: z.uuid(),
  slug: z.string(),
  name: z.string(),
  timezone: z.string(),
  currency: z.string(),
  createdAt: z.date(),
})
export type WorkspaceView = z.infer<typeof WorkspaceView>

export const toWorkspaceView = (row: Row<'workspaces'>): WorkspaceView => ({
  id: row.id,
  slug: row.slug,
  name: row.name,
  timezone: row.timezone,
  currency: row.currency,
  createdAt: row.created_at,
})

export async function createWorkspace(db: Executor, input: CreateWorkspaceInput): Promise<WorkspaceView> {
  const values = CreateWorkspaceInput.parse(input)
  if (!Intl.supportedValuesOf('timeZone').includes(values.timezone) && values.timezone !== 'UTC') {
    throw new PlatformError('INVALID_TIMEZONE', `unknown time zone ${values.timezone}`)
  }
  const row = await db
    .insertInto('workspaces')
    .values({ id: newId(), ...values })
    .onConflict((oc) => oc.column('slug').doNothing())
    .returningAll()
    .executeTakeFirst()
  if (!row) throw new PlatformError('WORKSPACE_SLUG_TAKEN', `a workspace with slug ${values.slug} exists`)
  return toWorkspaceView(row)
}

export async function findWorkspaceBySlug(db: Executor, slug: string): Promise<WorkspaceView | undefined> {
  const row = await db.selectFrom('workspaces').selectAll().where('slug', '=', slug).executeTakeFirst()
  return row && toWorkspaceView(row)
}

export async function getWorkspaceBySlug(db: Executor, slug: string): Promise<WorkspaceView> {
  const ws = await findWorkspaceBySlug(db, slug)
  if (!ws) throw new PlatformError('WORKSPACE_NOT_FOUND', `no workspace with slug ${slug}`)
  return ws
}

export async function getWorkspace(db: Executor, workspaceId: string): Promise<WorkspaceView> {
  const row = await db.selectFrom('workspaces').selectAll().where('id', '=', workspaceId).executeTakeFirst()
  if (!row) throw new PlatformError('WORKSPACE_NOT_FOUND', `workspace ${workspaceId} not found`)
  return toWorkspaceView(row)
}
