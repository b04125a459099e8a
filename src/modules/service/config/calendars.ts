import { z } from 'zod'
import type { Executor, Row } from '../../../db/database.js'
import { findOwned } from '../../../db/find-owned.js'
import { newId } from '../../../db/ids.js'
import { type Actor, recordAudit } from '../../platform/index.js'
import { ServiceError } from '../service.errors.js'
import { BusinessCalendar } from '../sla/business-calendar.js'

export const CalendarInput = BusinessCalendar.safeExtend({
  name: z.string().trim().min(1).max(100),
  holidays: z.array(z.iso.date()).max(1000).optional(),
}).meta({
  examples: [
    {
      name: 'Berlin office',
      timezone: 'Europe/Berlin',
      hours: {
        mon: [
          ['09:00', '12:30'],
          ['13:30', '17:00'],
        ],
        fri: [['09:00', '15:00']],
      },
      holidays: ['2026-12-25'],
    },
  ],
})
export type CalendarInput = z.infer<typeof CalendarInput>

export const CalendarView = z.object({
  id: z.uuid(),
  name: z.string(),
  timezone: z.string(),
  hours: CalendarInput.shape.hours,
  holidays: z.array(z.string()),
  createdAt: z.date(),
  updatedAt: z.date(),
})
export type CalendarView = z.infer<typeof CalendarView>

/** When no calendar is configured, the clock runs round the clock (business time = real time). */
export const ALWAYS_OPEN: BusinessCalendar = {
  timezone: 'UTC',
  hours: Object.fromEntries(
    ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, [['00:00', '24:00']]]),
  ) as BusinessCalendar['hours'],
}

const toView = (r: Row<'service_calendars'>): CalendarView => ({
  id: r.id,
  name: r.name,
  timezone: r.timezone,
  hours: r.hours,
  holidays: r.holidays,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
})

/** The calendar as the SLA clock takes it. */
export const toBusinessCalendar = (r: Row<'service_calendars'>): BusinessCalendar => ({
  timezone: r.timezone,
  hours: r.hours,
  holidays: r.holidays,
})

export async function listCalendars(db: Executor, workspaceId: string): Promise<CalendarView[]> {
  const rows = await db
    .selectFrom('service_calendars')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .orderBy('name')
    .execute()
  return rows.map(toView)
}

export async function getCalendarRow(db: Executor, workspaceId: string, id: string) {
  const row = await findOwned(db, 'service_calendars', workspaceId, id)
  if (!row) throw new ServiceError('CALENDAR_NOT_FOUND', `calendar ${id} not found`)
  return row
}

export const getCalendar = async (db: Executor, workspaceId: string, id: string) =>
  toView(await getCalendarRow(db, workspaceId, id))

export async function createCalendar(
  db: Executor,
  actor: Actor,
  input: CalendarInput,
): Promise<CalendarView> {
  const c = CalendarInput.parse(input)
  const row = await db
    .insertInto('service_calendars')
    .values({
      workspace_id: actor.workspaceId,
      id: newId(),
      name: c.name,
      timezone: c.timezone,
      hours: JSON.stringify(c.hours),
      holidays: [...new Set(c.holidays ?? [])].sort(),
    })
    .onConflict((oc) => oc.columns(['workspace_id', 'name']).doNothing())
    .returningAll()
    .executeTakeFirst()
  if (!row) throw new ServiceError('NAME_TAKEN', `a calendar named ${c.name} exists`)
  const view = toView(row)
  await recordAudit(db, actor, {
    action: 'calendar.created',
    entityType: 'calendar',
    entityId: row.id,
    after: view,
  })
  return view
}

/** Replaces a calendar. Due times already on cases stay; new computations use the new hours. */
export async function updateCalendar(
  db: Executor,
  actor: Actor,
  id: string,
  input: CalendarInput,
): Promise<CalendarView> {
  const c = CalendarInput.parse(input)
  const before = await getCalendar(db, actor.workspaceId, id)
  const row = await db
    .updateTable('service_calendars')
    .set({
      name: c.name,
      timezone: c.timezone,
      hours: JSON.stringify(c.hours),
      holidays: [...new Set(c.holidays ?? [])].sort(),
      updated_at: new Date(),
    })
    .where('workspace_id', '=', actor.workspaceId)
    .where('id', '=', before.id)
    .returningAll()
    .executeTakeFirstOrThrow()
  const after = toView(row)
  await recordAudit(db, actor, {
    action: 'calendar.updated',
    entityType: 'calendar',
    entityId: id,
    before,
    after,
  })
  return after
}

export async function deleteCalendar(db: Executor, actor: Actor, id: string): Promise<void> {
  const before = await getCalendar(db, actor.workspaceId, id)
  // Teams, policies and settings point at calendars with foreign keys: a calendar in use is refused.
  const used = await db
    .selectFrom('cases')
    .select('id')
    .where('workspace_id', '=', actor.workspaceId)
    .where('calendar_id', '=', before.id)
    .where('status', 'not in', ['resolved', 'closed'])
    .limit(1)
    .executeTakeFirst()
  if (used) throw new ServiceError('IN_USE', 'open cases run on this calendar')
  await db
    .deleteFrom('service_calendars')
    .where('workspace_id', '=', actor.workspaceId)
    .where('id', '=', before.id)
    .execute()
  await recordAudit(db, actor, { action: 'calendar.deleted', entityType: 'calendar', entityId: id, before })
}
