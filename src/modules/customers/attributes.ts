import { sql } from 'kysely'
import { DateTime } from 'luxon'
import { z } from 'zod'
import type { AttributeType, Executor, Row } from '../../db/database.js'
import { findOwned } from '../../db/find-owned.js'
import { newId } from '../../db/ids.js'
import type { FieldIssue } from '../../shared/domain-error.js'
import { type Actor, recordAudit } from '../platform/index.js'
import { CustomersError } from './customers.errors.js'

export const ATTRIBUTE_TYPES = ['text', 'number', 'date', 'boolean', 'select', 'multiselect'] as const

export const AttributeDefinitionView = z.object({
  id: z.uuid(),
  key: z.string(),
  label: z.string(),
  type: z.enum(ATTRIBUTE_TYPES),
  options: z.array(z.string()),
  required: z.boolean(),
  createdAt: z.date(),
})
export type AttributeDefinitionView = z.infer<typeof AttributeDefinitionView>

const Options = z.array(z.string().trim().min(1).max(100)).max(200)

export const CreateAttributeInput = z
  .object({
    key: z
      .string()
      .regex(/^[a-z][a-z0-9_]{0,62}$/, 'lower case letters, digits and _, starting with a letter'),
    label: z.string().trim().min(1).max(100),
    type: z.enum(ATTRIBUTE_TYPES),
    options: Options.default([]),
    required: z.boolean().default(false),
  })
  .refine((d) => !['select', 'multiselect'].includes(d.type) || d.options.length > 0, {
    path: ['options'],
    message: 'a select attribute needs at least one option',
  })
export type CreateAttributeInput = z.input<typeof CreateAttributeInput>

export const UpdateAttributeInput = z
  .object({ label: z.string().trim().min(1).max(100), options: Options, required: z.boolean() })
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'nothing to change')

const toView = (r: Row<'attribute_definitions'>): AttributeDefinitionView => ({
  id: r.id,
  key: r.key,
  label: r.label,
  type: r.type,
  options: r.options,
  required: r.required,
  createdAt: r.created_at,
})

export async function listAttributeDefinitions(db: Executor, workspaceId: string) {
  const rows = await db
    .selectFrom('attribute_definitions')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .orderBy('label')
    .execute()
  return rows.map(toView)
}

async function getDefinition(db: Executor, workspaceId: string, id: string) {
  const row = await findOwned(db, 'attribute_definitions', workspaceId, id)
  if (!row) throw new CustomersError('ATTRIBUTE_NOT_FOUND', `attribute ${id} not found`)
  return row
}

export async function createAttributeDefinition(db: Executor, actor: Actor, input: CreateAttributeInput) {
  const def = CreateAttributeInput.parse(input)
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('attribute_definitions')
      .values({
        workspace_id: actor.workspaceId,
        id: newId(),
        key: def.key,
        label: def.label,
        type: def.type,
        options: def.options,
        required: def.required,
      })
      .onConflict((oc) => oc.columns(['workspace_id', 'key']).doNothing())
      .returningAll()
      .executeTakeFirst()
    if (!row) throw new CustomersError('ATTRIBUTE_KEY_TAKEN', `an attribute with key ${def.key} exists`)
    await recordAudit(trx, actor, {
      action: 'attribute.created',
      entityType: 'attribute_definition',
      entityId: row.id,
      after: toView(row),
    })
    return toView(row)
  })
}

export async function updateAttributeDefinition(
  db: Executor,
  actor: Actor,
  id: string,
  input: z.input<typeof UpdateAttributeInput>,
) {
  const changes = UpdateAttributeInput.parse(input)
  return db.transaction().execute(async (trx) => {
    const before = await getDefinition(trx, actor.workspaceId, id)
    if (changes.options && ['select', 'multiselect'].includes(before.type)) {
      // Dropping an option that customers still carry would leave values no definition allows.
      const dropped = before.options.filter((o) => !changes.options?.includes(o))
      for (const option of dropped) {
        const probe = before.type === 'select' ? { [before.key]: option } : { [before.key]: [option] }
        const used = await trx
          .selectFrom('customers')
          .select('id')
          .where('workspace_id', '=', actor.workspaceId)
          .where(sql<boolean>`attributes @> ${JSON.stringify(probe)}::jsonb`)
          .limit(1)
          .executeTakeFirst()
        if (used) throw new CustomersError('ATTRIBUTE_IN_USE', `option "${option}" is still set on customers`)
      }
    }
    const row = await trx
      .updateTable('attribute_definitions')
      .set(changes)
      .where('workspace_id', '=', actor.workspaceId)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow()
    await recordAudit(trx, actor, {
      action: 'attribute.updated',
      entityType: 'attribute_definition',
      entityId: id,
      before: toView(before),
      after: toView(row),
    })
    return toView(row)
  })
}

/** Deletes a definition and removes its values from every customer of the workspace. */
export async function deleteAttributeDefinition(db: Executor, actor: Actor, id: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const before = await getDefinition(trx, actor.workspaceId, id)
    await trx
      .updateTable('customers')
      .set({ attributes: sql`attributes - ${before.key}` as never })
      .where('workspace_id', '=', actor.workspaceId)
      .where(sql<boolean>`attributes ? ${before.key}`)
      .execute()
    await trx
      .deleteFrom('attribute_definitions')
      .where('workspace_id', '=', actor.workspaceId)
      .where('id', '=', id)
      .execute()
    await recordAudit(trx, actor, {
      action: 'attribute.deleted',
      entityType: 'attribute_definition',
      entityId: id,
      before: toView(before),
    })
  })
}

function checkValue(def: Row<'attribute_definitions'>, value: unknown): { value?: unknown; error?: string } {
  const type: AttributeType = def.type
  switch (type) {
    case 'text':
      return typeof value === 'string' && value.length <= 2000
        ? { value: value.trim() }
        : { error: 'text (up to 2000 characters)' }
    case 'number': {
      const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value
      return typeof n === 'number' && Number.isFinite(n) ? { value: n } : { error: 'a number' }
    }
    case 'boolean':
      if (typeof value === 'boolean') return { value }
      if (value === 'true' || value === 'false') return { value: value === 'true' }
      return { error: 'true or false' }
    case 'date':
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && DateTime.fromISO(value).isValid
        ? { value }
        : { error: 'a date (YYYY-MM-DD)' }
    case 'select':
      return typeof value === 'string' && def.options.includes(value)
        ? { value }
        : { error: `one of ${def.options.join(', ')}` }
    case 'multiselect':
      return Array.isArray(value) && value.every((v) => typeof v === 'string' && def.options.includes(v))
        ? { value: [...new Set(value as string[])] }
        : { error: `a list of ${def.options.join(', ')}` }
  }
}

/**
 * Validates attribute values against the workspace's definitions and returns them normalised.
 * With `current` (an update) the input is a patch: null removes a value, absent keys stay.
 */
export async function validateAttributes(
  db: Executor,
  workspaceId: string,
  input: Record<string, unknown>,
  current?: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const defs = await db
    .selectFrom('attribute_definitions')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .execute()
  const byKey = new Map(defs.map((d) => [d.key, d]))
  const result: Record<string, unknown> = { ...(current ?? {}) }
  const issues: FieldIssue[] = []
  for (const [key, raw] of Object.entries(input)) {
    const def = byKey.get(key)
    if (!def) {
      issues.push({ path: `attributes.${key}`, message: 'no such attribute in this workspace' })
      continue
    }
    if (raw === null || raw === '') {
      delete result[key]
      continue
    }
    const checked = checkValue(def, raw)
    if (checked.error) issues.push({ path: `attributes.${key}`, message: `expected ${checked.error}` })
    else result[key] = checked.value
  }
  for (const def of defs) {
    // On an update only a value being removed can break `required`: customers made before the
    // definition became required stay editable.
    const touched = current === undefined || def.key in input
    if (def.required && touched && result[def.key] === undefined)
      issues.push({ path: `attributes.${def.key}`, message: 'required' })
  }
  if (issues.length)
    throw new CustomersError('INVALID_ATTRIBUTES', 'custom attributes do not match their definitions', {
      fields: issues,
    })
  return result
}
