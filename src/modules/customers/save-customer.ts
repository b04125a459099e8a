import type { Executor } from '../../db/database.js'
import { newId } from '../../db/ids.js'
import { type Actor, recordAudit } from '../platform/index.js'
import { validateAttributes } from './attributes.js'
import { CustomersError } from './customers.errors.js'
import { CreateCustomerInput, type CustomerView, UpdateCustomerInput } from './customers.schemas.js'
import { getCustomer } from './find-customers.js'
import { recordNameWords } from './name-words.js'
import { appendTimelineEvent } from './timeline/append-timeline-event.js'

/** A person may belong to an organisation of the same workspace; organisations stand alone. */
async function checkLinks(
  db: Executor,
  workspaceId: string,
  self: {
    id?: string
    kind: 'person' | 'organisation'
    organisationId?: string | null
    ownerId?: string | null
  },
) {
  if (self.organisationId) {
    if (self.kind === 'organisation')
      throw new CustomersError('INVALID_ORGANISATION', 'an organisation cannot belong to another', {
        fields: [{ path: 'organisationId', message: 'only people are contacts of an organisation' }],
      })
    const org = await db
      .selectFrom('customers')
      .select('kind')
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', self.organisationId)
      .executeTakeFirst()
    if (org?.kind !== 'organisation')
      throw new CustomersError('INVALID_ORGANISATION', 'no such organisation', {
        fields: [{ path: 'organisationId', message: 'not an organisation of this workspace' }],
      })
  }
  if (self.ownerId) {
    const owner = await db
      .selectFrom('users')
      .select('active')
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', self.ownerId)
      .executeTakeFirst()
    if (!owner?.active)
      throw new CustomersError('INVALID_OWNER', 'no such active user', {
        fields: [{ path: 'ownerId', message: 'not an active user of this workspace' }],
      })
  }
}

async function externalIdFree(db: Executor, workspaceId: string, externalId: string, exceptId?: string) {
  const taken = await db
    .selectFrom('customers')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('external_id', '=', externalId)
    .executeTakeFirst()
  if (taken && taken.id !== exceptId)
    throw new CustomersError(
      'CUSTOMER_EXTERNAL_ID_TAKEN',
      `external id ${externalId} belongs to another customer`,
      {
        fields: [{ path: 'externalId', message: 'already used' }],
      },
    )
}

export async function createCustomer(
  db: Executor,
  actor: Actor,
  input: CreateCustomerInput,
): Promise<CustomerView> {
  const c = CreateCustomerInput.parse(input)
  return db.transaction().execute(async (trx) => {
    await checkLinks(trx, actor.workspaceId, c)
    if (c.externalId) await externalIdFree(trx, actor.workspaceId, c.externalId)
    const attributes = await validateAttributes(trx, actor.workspaceId, c.attributes)
    const id = newId()
    await trx
      .insertInto('customers')
      .values({
        workspace_id: actor.workspaceId,
        id,
        external_id: c.externalId ?? null,
        kind: c.kind,
        name: c.name,
        organisation_id: c.organisationId ?? null,
        emails: [...new Set(c.emails)],
        phones: [...new Set(c.phones)],
        country: c.country ?? null,
        language: c.language ?? null,
        timezone: c.timezone ?? null,
        lifecycle_stage: c.lifecycleStage,
        tags: [...new Set(c.tags)],
        owner_id: c.ownerId ?? null,
        tier: c.tier ?? null,
        tier_source: c.tier ? 'manual' : null,
        attributes: JSON.stringify(attributes),
      })
      .execute()
    await recordNameWords(trx, actor.workspaceId, [c.name])
    const view = await getCustomer(trx, actor.workspaceId, id)
    await recordAudit(trx, actor, {
      action: 'customer.created',
      entityType: 'customer',
      entityId: id,
      after: view,
    })
    await appendTimelineEvent(trx, actor, {
      customerId: id,
      type: 'customer.created',
      summary: `Customer record created${c.externalId ? ` (${c.externalId})` : ''}`,
    })
    return view
  })
}

export async function updateCustomer(
  db: Executor,
  actor: Actor,
  customerId: string,
  input: UpdateCustomerInput,
): Promise<CustomerView> {
  const changes = UpdateCustomerInput.parse(input)
  return db.transaction().execute(async (trx) => {
    const before = await getCustomer(trx, actor.workspaceId, customerId, { forUpdate: true })
    const kind = changes.kind ?? before.kind
    const organisationId =
      changes.organisationId !== undefined ? changes.organisationId : before.organisationId
    await checkLinks(trx, actor.workspaceId, {
      id: customerId,
      kind,
      organisationId,
      ownerId: changes.ownerId,
    })
    if (changes.kind === 'person' && before.kind === 'organisation') {
      const contact = await trx
        .selectFrom('customers')
        .select('id')
        .where('workspace_id', '=', actor.workspaceId)
        .where('organisation_id', '=', customerId)
        .limit(1)
        .executeTakeFirst()
      if (contact)
        throw new CustomersError('INVALID_ORGANISATION', 'this organisation still has contacts', {
          fields: [{ path: 'kind', message: 'move or remove its contacts first' }],
        })
    }
    if (changes.externalId) await externalIdFree(trx, actor.workspaceId, changes.externalId, customerId)
    const attributes = changes.attributes
      ? await validateAttributes(trx, actor.workspaceId, changes.attributes, before.attributes)
      : undefined
    await trx
      .updateTable('customers')
      .set({
        ...(changes.externalId !== undefined && { external_id: changes.externalId }),
        ...(changes.kind !== undefined && { kind: changes.kind }),
        ...(changes.name !== undefined && { name: changes.name }),
        ...(changes.organisationId !== undefined && { organisation_id: changes.organisationId }),
        ...(changes.emails !== undefined && { emails: [...new Set(changes.emails)] }),
        ...(changes.phones !== undefined && { phones: [...new Set(changes.phones)] }),
        ...(changes.country !== undefined && { country: changes.country }),
        ...(changes.language !== undefined && { language: changes.language }),
        ...(changes.timezone !== undefined && { timezone: changes.timezone }),
        ...(changes.lifecycleStage !== undefined && { lifecycle_stage: changes.lifecycleStage }),
        ...(changes.tags !== undefined && { tags: [...new Set(changes.tags)] }),
        ...(changes.ownerId !== undefined && { owner_id: changes.ownerId }),
        ...(changes.tier !== undefined && {
          tier: changes.tier,
          tier_source: changes.tier ? 'manual' : null,
        }),
        ...(attributes !== undefined && { attributes: JSON.stringify(attributes) }),
        updated_at: new Date(),
      })
      .where('workspace_id', '=', actor.workspaceId)
      .where('id', '=', customerId)
      .execute()
    if (changes.name !== undefined) await recordNameWords(trx, actor.workspaceId, [changes.name])
    const after = await getCustomer(trx, actor.workspaceId, customerId)
    await recordAudit(trx, actor, {
      action: 'customer.updated',
      entityType: 'customer',
      entityId: customerId,
      before,
      after,
    })
    if (before.lifecycleStage !== after.lifecycleStage) {
      await appendTimelineEvent(trx, actor, {
        customerId,
        type: 'customer.stage_changed',
        summary: `Lifecycle stage ${before.lifecycleStage} → ${after.lifecycleStage}`,
        data: { from: before.lifecycleStage, to: after.lifecycleStage },
      })
    }
    if (before.tier !== after.tier) {
      await appendTimelineEvent(trx, actor, {
        customerId,
        type: 'customer.tier_changed',
        summary: `Tier ${before.tier ?? 'none'} → ${after.tier ?? 'none'} (set by hand)`,
        data: { from: before.tier, to: after.tier, source: 'manual' },
      })
    }
    return after
  })
}
