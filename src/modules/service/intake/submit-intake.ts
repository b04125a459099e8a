import { sql } from 'kysely'
import { z } from 'zod'
import type { Executor } from '../../../db/database.js'
import { CustomerEmail, createCustomer } from '../../customers/index.js'
import { findWorkspaceBySlug, systemActor } from '../../platform/index.js'
import { bookCallback } from '../callbacks/book-callback.js'
import { type CallbackSlotsView, listCallbackSlots } from '../callbacks/callback-slots.js'
import { createCase } from '../cases/create-case.js'
import { getServiceSettings } from '../config/service-settings.js'
import { ServiceError } from '../service.errors.js'
import { withTransaction } from '../with-transaction.js'

export const IntakeFormView = z.object({
  workspace: z.string().describe('The company the form writes to'),
  categories: z.array(z.string()).describe('Choices for category (free text when empty)'),
  callbacks: z.object({ offered: z.boolean(), slotMinutes: z.number().int() }),
})

export const IntakeSubmission = z.object({
  name: z.string().trim().min(1).max(200),
  email: CustomerEmail,
  phone: z
    .string()
    .trim()
    .regex(/^\+?[\d\s()./-]{3,40}$/, 'a phone number')
    .optional(),
  subject: z.string().trim().min(1).max(300),
  description: z.string().trim().max(10_000).default(''),
  category: z.string().trim().min(1).max(60).optional(),
  callbackAt: z.iso
    .datetime({ offset: true })
    .optional()
    .describe('A slot from the callback-slots list: instead of waiting, we call you then'),
})
export type IntakeSubmission = z.input<typeof IntakeSubmission>

export const IntakeReceipt = z.object({
  caseNumber: z.number().int(),
  callback: z.object({ slotStart: z.date(), slotEnd: z.date() }).nullable(),
})
export type IntakeReceipt = z.infer<typeof IntakeReceipt>

/** The workspace and its settings when its intake form is on; otherwise 404, saying no more. */
async function openIntake(db: Executor, slug: string) {
  const ws = /^[a-z0-9][a-z0-9-]{0,62}$/.test(slug) ? await findWorkspaceBySlug(db, slug) : undefined
  const settings = ws ? await getServiceSettings(db, ws.id) : undefined
  if (!ws || !settings?.intake.enabled) throw new ServiceError('INTAKE_NOT_FOUND', 'no intake form here')
  return { ws, settings }
}

export async function getIntakeForm(db: Executor, slug: string): Promise<z.infer<typeof IntakeFormView>> {
  const { ws, settings } = await openIntake(db, slug)
  return {
    workspace: ws.name,
    categories: settings.intake.categories,
    callbacks: { offered: true, slotMinutes: settings.callbacks.slotMinutes },
  }
}

export async function listIntakeSlots(db: Executor, slug: string, days: number): Promise<CallbackSlotsView> {
  const { ws, settings } = await openIntake(db, slug)
  const slots = await listCallbackSlots(db, ws.id, { team: settings.intake.teamId ?? undefined, days })
  // Only what a visitor needs: the free windows (no team ids).
  return { ...slots, teamId: null, slots: slots.slots.filter((s) => s.available > 0) }
}

/**
 * A request from the public form: finds the customer by email (or creates a minimal one), opens a
 * web-form case routed like any other (to the intake team when one is set), and books the
 * callback the visitor chose. Answers with the case number only.
 */
export async function submitIntake(
  db: Executor,
  slug: string,
  input: IntakeSubmission,
): Promise<IntakeReceipt> {
  const f = IntakeSubmission.parse(input)
  const { ws, settings } = await openIntake(db, slug)
  const cats = settings.intake.categories
  const category =
    f.category && cats.length ? cats.find((c) => c.toLowerCase() === f.category!.toLowerCase()) : f.category
  if (f.category && !category)
    throw new ServiceError('INVALID_INPUT', 'unknown category', {
      fields: [{ path: 'body.category', message: `one of ${cats.join(', ')}` }],
    })
  const actor = systemActor(ws.id)
  const found = await db
    .selectFrom('customers')
    .select('id')
    .where('workspace_id', '=', ws.id)
    .where(sql<boolean>`emails @> ARRAY[${f.email}]::text[]`)
    .orderBy('created_at')
    .executeTakeFirst()
  const customerId =
    found?.id ??
    (
      await createCustomer(db, actor, {
        name: f.name,
        emails: [f.email],
        ...(f.phone ? { phones: [f.phone] } : {}),
        lifecycleStage: 'lead',
      })
    ).id
  return withTransaction(db, async (trx) => {
    const c = await createCase(trx, actor, {
      channel: 'web_form',
      customerId,
      subject: f.subject,
      description: f.description,
      ...(category ? { category } : {}),
      ...(settings.intake.teamId ? { teamId: settings.intake.teamId } : {}),
    })
    const callback = f.callbackAt
      ? await bookCallback(
          trx,
          actor,
          c.id,
          { slotStart: f.callbackAt, ...(f.phone ? { phone: f.phone } : {}) },
          { bookedBy: 'customer' },
        )
      : null
    return {
      caseNumber: c.number,
      callback: callback && { slotStart: callback.slotStart, slotEnd: callback.slotEnd },
    }
  })
}
