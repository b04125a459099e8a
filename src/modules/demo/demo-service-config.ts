import type { Executor } from '../../db/database.js'
import type { Actor } from '../platform/index.js'
import {
  createCalendar,
  createMacro,
  createPlaybook,
  createPolicy,
  createRoutingRule,
  createTeam,
  updateServiceSettings,
} from '../service/index.js'

const t = (firstResponse: number, nextResponse: number, resolution: number) => ({
  firstResponse,
  nextResponse,
  resolution,
})
const weekdays = (from: string, to: string) =>
  Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, [[from, to]] as [string, string][]]))

/**
 * The demo service desk: office hours in Berlin and a round-the-clock line for platinum
 * customers, two teams, SLA policies per value tier, routing rules, playbooks and macros.
 */
export async function seedDemoServiceConfig(
  db: Executor,
  actor: Actor,
  staff: { managerId: string; agents: string[] },
) {
  const [jonas, aiko] = [staff.agents[0]!, staff.agents[1] ?? staff.agents[0]!]
  const office = await createCalendar(db, actor, {
    name: 'Berlin office',
    timezone: 'Europe/Berlin',
    hours: { ...weekdays('08:00', '18:00'), sat: [['10:00', '14:00']] },
    holidays: [
      '2026-12-24',
      '2026-12-25',
      '2026-12-26',
      '2026-12-31',
      '2027-01-01',
      '2027-04-02',
      '2027-04-05',
    ],
  })
  const always = await createCalendar(db, actor, {
    name: 'Round the clock',
    timezone: 'UTC',
    hours: Object.fromEntries(
      ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, [['00:00', '24:00']]]),
    ),
  })
  const care = await createTeam(db, actor, {
    name: 'Customer care',
    description: 'Orders, deliveries, billing and questions',
    calendarId: office.id,
    managerId: staff.managerId,
    members: [
      { userId: jonas, skills: ['Billing', 'Delivery'] },
      { userId: aiko, skills: ['Product question'] },
    ],
  })
  const repairs = await createTeam(db, actor, {
    name: 'Repairs',
    description: 'Grinders and espresso machines',
    calendarId: office.id,
    managerId: staff.managerId,
    members: [
      { userId: aiko, skills: ['Repairs'] },
      { userId: jonas, maxOpen: 15 },
    ],
  })
  await createPolicy(db, actor, {
    name: 'Platinum: round the clock',
    appliesTo: 'tier',
    tier: 'platinum',
    calendarId: always.id,
    targets: {
      urgent: t(15, 30, 240),
      high: t(30, 60, 480),
      normal: t(60, 120, 960),
      low: t(120, 240, 1440),
    },
  })
  await createPolicy(db, actor, {
    name: 'Gold',
    appliesTo: 'tier',
    tier: 'gold',
    calendarId: office.id,
    targets: {
      urgent: t(30, 60, 480),
      high: t(60, 120, 960),
      normal: t(120, 240, 1440),
      low: t(240, 480, 2880),
    },
  })
  await createPolicy(db, actor, {
    name: 'Standard',
    appliesTo: 'default',
    calendarId: office.id,
    targets: {
      urgent: t(60, 120, 960),
      high: t(120, 240, 1440),
      normal: t(240, 480, 2400),
      low: t(480, 960, 4800),
    },
  })
  await createPolicy(db, actor, {
    name: 'Internal requests',
    appliesTo: 'internal',
    calendarId: office.id,
    targets: {
      urgent: t(120, 240, 960),
      high: t(240, 480, 2400),
      normal: t(480, 960, 4800),
      low: t(960, 1920, 9600),
    },
  })
  await updateServiceSettings(db, actor, {
    channelCosts: {
      phone: '6.50',
      email: '2.40',
      chat: '1.80',
      web_form: '2.00',
      in_person: '9.00',
      internal: '1.00',
    },
    defaultCalendarId: office.id,
    defaultTeamId: care.id,
    intake: {
      enabled: true,
      teamId: care.id,
      categories: ['Delivery', 'Repairs', 'Billing', 'Product question'],
    },
    callbacks: { slotMinutes: 15, slotCapacity: 2 },
  })
  await createRoutingRule(db, actor, {
    name: 'Repairs to the repair team',
    position: 10,
    match: { categories: ['Repairs'] },
    teamId: repairs.id,
    strategy: 'round_robin',
    useSkills: true,
  })
  await createRoutingRule(db, actor, {
    name: 'Calls: key-account owner first',
    position: 20,
    match: { channels: ['phone'] },
    teamId: care.id,
    strategy: 'round_robin',
    keyAccountFirst: true,
  })
  await createRoutingRule(db, actor, {
    name: 'Everything else by load',
    position: 30,
    teamId: care.id,
    strategy: 'least_loaded',
  })
  await createPlaybook(db, actor, {
    name: 'Grinder or machine repair',
    category: 'Repairs',
    steps: [
      { id: 'serial', title: 'Note the model and serial number', kind: 'check', required: true },
      {
        id: 'warranty',
        title: 'Check the warranty date against the purchase',
        kind: 'check',
        required: true,
      },
      {
        id: 'descale',
        title: 'Ask whether it was descaled in the last month',
        kind: 'say',
        body: 'Most pump noises go after descaling.',
      },
      { id: 'ship', title: 'Send a prepaid repair label or a replacement part', kind: 'do', required: true },
    ],
  })
  await createPlaybook(db, actor, {
    name: 'Late or lost delivery',
    category: 'Delivery',
    steps: [
      { id: 'tracking', title: 'Look up the tracking number', kind: 'check', required: true },
      { id: 'sorry', title: 'Apologise and give a new delivery date', kind: 'say' },
      { id: 'resend', title: 'Resend or refund if lost for 5 days', kind: 'do', required: true },
    ],
  })
  await createMacro(db, actor, {
    name: 'Ask for the model',
    category: 'Repairs',
    body: 'Hi {{customer.firstName}}, sorry your machine is giving you trouble. Could you send the model and serial number (under the drip tray)? — {{agent.name}}, case #{{case.number}}',
    setStatus: 'waiting_on_customer',
  })
  await createMacro(db, actor, {
    name: 'Parcel on its way again',
    category: 'Delivery',
    body: 'Hi {{customer.firstName}}, we have sent your order again; it arrives in 2 working days. Sorry for the wait! — {{agent.name}}',
  })
  await createMacro(db, actor, {
    name: 'Resolved, anything else?',
    body: 'Glad we could sort this out, {{customer.firstName}}. Reply to this message if anything else comes up (case #{{case.number}}). — {{agent.name}}, {{workspace.name}}',
    setStatus: 'resolved',
  })
  await createMacro(db, actor, {
    name: 'Escalated internally',
    visibility: 'internal',
    body: 'Escalated to the workshop: customer waiting since the case opened.',
  })
  return { office, always, care, repairs }
}
