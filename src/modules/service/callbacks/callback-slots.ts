import { z } from 'zod'
import type { Executor } from '../../../db/database.js'
import { findOwned } from '../../../db/find-owned.js'
import { ALWAYS_OPEN, toBusinessCalendar } from '../config/calendars.js'
import { getServiceSettings } from '../config/service-settings.js'
import { unknownReference } from '../service.errors.js'
import { type BusinessCalendar, normaliseCalendar } from '../sla/business-calendar.js'
import { OpenIntervals } from '../sla/open-intervals.js'

export const CallbackSlotsQuery = z.object({
  team: z
    .uuid()
    .optional()
    .describe("Whose hours and capacity (default: the intake team's, else the default calendar)"),
  from: z.iso.datetime({ offset: true }).optional().describe('Earliest start; default now'),
  days: z.coerce.number().int().min(1).max(14).default(3),
})
export type CallbackSlotsQuery = z.infer<typeof CallbackSlotsQuery>

export const CallbackSlotsView = z.object({
  teamId: z.uuid().nullable(),
  slotMinutes: z.number().int(),
  capacity: z.number().int().describe('Callbacks per slot'),
  slots: z.array(z.object({ start: z.date(), end: z.date(), available: z.number().int() })),
})
export type CallbackSlotsView = z.infer<typeof CallbackSlotsView>

/** At most this many slots in one answer (two weeks of quarter hours on a 10-hour day fit). */
const MAX_SLOTS = 600

/** The calendar and slot rules that callbacks of a team (or of the workspace) follow. */
export async function callbackRules(db: Executor, workspaceId: string, teamId: string | null) {
  const settings = await getServiceSettings(db, workspaceId)
  const team = teamId ? await findOwned(db, 'service_teams', workspaceId, teamId) : undefined
  if (teamId && !team) throw unknownReference('team', 'team')
  const calendarId = team?.calendar_id ?? settings.defaultCalendarId
  const row = calendarId ? await findOwned(db, 'service_calendars', workspaceId, calendarId) : undefined
  const calendar: BusinessCalendar = row ? toBusinessCalendar(row) : ALWAYS_OPEN
  return {
    teamId: team?.id ?? null,
    calendar,
    slotMs: settings.callbacks.slotMinutes * 60_000,
    capacity: settings.callbacks.slotCapacity,
  }
}

/**
 * Callback slots from `from` for `days` days: windows of the slot length, on multiples of it,
 * lying wholly inside the calendar's open hours, with how many bookings each still takes.
 */
export async function listCallbackSlots(
  db: Executor,
  workspaceId: string,
  q: CallbackSlotsQuery,
  now = new Date(),
): Promise<CallbackSlotsView> {
  const rules = await callbackRules(db, workspaceId, q.team ?? null)
  const from = Math.max(now.getTime(), q.from ? Date.parse(q.from) : 0)
  const until = from + q.days * 86_400_000
  const starts: number[] = []
  const intervals = new OpenIntervals(normaliseCalendar(rules.calendar), from)
  while (starts.length < MAX_SLOTS) {
    const { start, end } = intervals.next()
    if (start >= until) break
    for (
      let s = Math.ceil(start / rules.slotMs) * rules.slotMs;
      s + rules.slotMs <= end && s < until;
      s += rules.slotMs
    )
      starts.push(s)
  }
  const booked = await bookedCounts(
    db,
    workspaceId,
    rules.teamId,
    new Date(from),
    new Date(until + rules.slotMs),
  )
  return {
    teamId: rules.teamId,
    slotMinutes: rules.slotMs / 60_000,
    capacity: rules.capacity,
    slots: starts.slice(0, MAX_SLOTS).map((s) => ({
      start: new Date(s),
      end: new Date(s + rules.slotMs),
      available: Math.max(0, rules.capacity - (booked.get(s) ?? 0)),
    })),
  }
}

async function bookedCounts(
  db: Executor,
  workspaceId: string,
  teamId: string | null,
  from: Date,
  until: Date,
) {
  const rows = await db
    .selectFrom('case_callbacks')
    .select(['slot_start', (eb) => eb.fn.countAll<number>().as('n')])
    .where('workspace_id', '=', workspaceId)
    .where('status', '=', 'scheduled')
    .where('team_id', teamId === null ? 'is' : '=', teamId)
    .where('slot_start', '>=', from)
    .where('slot_start', '<', until)
    .groupBy('slot_start')
    .execute()
  return new Map(rows.map((r) => [r.slot_start.getTime(), Number(r.n)]))
}
