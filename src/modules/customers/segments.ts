import { z } from 'zod'
import type { Executor, Row } from '../../db/database.js'
import { findOwned } from '../../db/find-owned.js'
import { newId } from '../../db/ids.js'
import { type Actor, recordAudit } from '../platform/index.js'
import { CustomerFilter, customerFilterExpression } from './customer-filter.js'
import { CustomersError } from './customers.errors.js'
import { countCustomers } from './find-customers.js'

export const SegmentView = z.object({
  id: z.uuid(),
  name: z.string(),
  filter: CustomerFilter,
  count: z.number().int().nullable().describe('Customers matching now (live); null when not asked for'),
  createdAt: z.date(),
  updatedAt: z.date(),
})
export type SegmentView = z.infer<typeof SegmentView>

export const SaveSegmentInput = z.object({ name: z.string().trim().min(1).max(100), filter: CustomerFilter })
export const UpdateSegmentInput = SaveSegmentInput.partial().refine(
  (v) => Object.keys(v).length > 0,
  'nothing to change',
)

const toView = (r: Row<'segments'>, count: number | null): SegmentView => ({
  id: r.id,
  name: r.name,
  filter: r.filter as CustomerFilter,
  count,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
})

async function findSegment(db: Executor, workspaceId: string, id: string) {
  const row = await findOwned(db, 'segments', workspaceId, id)
  if (!row) throw new CustomersError('SEGMENT_NOT_FOUND', `segment ${id} not found`)
  return row
}

/** The saved filter of a segment, for lists that filter by `segment=<id>`. */
export async function segmentFilter(db: Executor, workspaceId: string, id: string): Promise<CustomerFilter> {
  return (await findSegment(db, workspaceId, id)).filter as CustomerFilter
}

/** Saved segments by name, each with its live count (one count query per segment). */
export async function listSegments(db: Executor, workspaceId: string, opts: { counts?: boolean } = {}) {
  const rows = await db
    .selectFrom('segments')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .orderBy('name')
    .execute()
  const views: SegmentView[] = []
  for (const r of rows)
    views.push(
      toView(
        r,
        opts.counts === false ? null : await countCustomers(db, workspaceId, r.filter as CustomerFilter),
      ),
    )
  return views
}

export async function getSegment(db: Executor, workspaceId: string, id: string) {
  const row = await findSegment(db, workspaceId, id)
  return toView(row, await countCustomers(db, workspaceId, row.filter as CustomerFilter))
}

async function nameFree(db: Executor, workspaceId: string, name: string, exceptId?: string) {
  const taken = await db
    .selectFrom('segments')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('name', '=', name)
    .executeTakeFirst()
  if (taken && taken.id !== exceptId)
    throw new CustomersError('SEGMENT_NAME_TAKEN', `a segment named ${name} exists`, {
      fields: [{ path: 'name', message: 'already used' }],
    })
}

export async function createSegment(db: Executor, actor: Actor, input: z.input<typeof SaveSegmentInput>) {
  const s = SaveSegmentInput.parse(input)
  await customerFilterExpression(db, actor.workspaceId, s.filter) // refuses unknown attributes now, not at read time
  const row = await db.transaction().execute(async (trx) => {
    await nameFree(trx, actor.workspaceId, s.name)
    const row = await trx
      .insertInto('segments')
      .values({
        workspace_id: actor.workspaceId,
        id: newId(),
        name: s.name,
        filter: JSON.stringify(s.filter),
        created_by: actor.userId,
      })
      .returningAll()
      .executeTakeFirstOrThrow()
    await recordAudit(trx, actor, {
      action: 'segment.created',
      entityType: 'segment',
      entityId: row.id,
      after: s,
    })
    return row
  })
  return toView(row, await countCustomers(db, actor.workspaceId, s.filter))
}

export async function updateSegment(
  db: Executor,
  actor: Actor,
  id: string,
  input: z.input<typeof UpdateSegmentInput>,
) {
  const changes = UpdateSegmentInput.parse(input)
  await findSegment(db, actor.workspaceId, id) // 404 before judging the filter
  if (changes.filter) await customerFilterExpression(db, actor.workspaceId, changes.filter)
  const row = await db.transaction().execute(async (trx) => {
    const before = await findSegment(trx, actor.workspaceId, id)
    if (changes.name) await nameFree(trx, actor.workspaceId, changes.name, id)
    const row = await trx
      .updateTable('segments')
      .set({
        ...(changes.name && { name: changes.name }),
        ...(changes.filter && { filter: JSON.stringify(changes.filter) }),
        updated_at: new Date(),
      })
      .where('workspace_id', '=', actor.workspaceId)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow()
    await recordAudit(trx, actor, {
      action: 'segment.updated',
      entityType: 'segment',
      entityId: id,
      before: { name: before.name, filter: before.filter },
      after: { name: row.name, filter: row.filter },
    })
    return row
  })
  return toView(row, await countCustomers(db, actor.workspaceId, row.filter as CustomerFilter))
}

export async function deleteSegment(db: Executor, actor: Actor, id: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const before = await findSegment(trx, actor.workspaceId, id)
    await trx
      .deleteFrom('segments')
      .where('workspace_id', '=', actor.workspaceId)
      .where('id', '=', id)
      .execute()
    await recordAudit(trx, actor, {
      action: 'segment.deleted',
      entityType: 'segment',
      entityId: id,
      before: { name: before.name, filter: before.filter },
    })
  })
}
