import type { Executor } from '../../db/database.js'
import {
  createUser,
  ensureWorkspaceWithOwner,
  randomPassword,
  type SeededWorkspace,
  systemActor,
} from '../platform/index.js'
import { seedDemoCustomers } from './seed-customers.js'
import { seedDemoEmpowerment } from './seed-empowerment.js'
import { seedDemoFeedback } from './seed-feedback.js'
import { seedDemoService } from './seed-service.js'
import { seedDemoValue } from './seed-value.js'

/** The demo team; fixed names so that every demo workspace looks the same. */
const TEAM = [
  { name: 'Maya Patel', role: 'manager', local: 'maya' },
  { name: 'Jonas Berg', role: 'agent', local: 'jonas' },
  { name: 'Aiko Tanaka', role: 'agent', local: 'aiko' },
  { name: 'Lucas Moreau', role: 'analyst', local: 'lucas' },
] as const

/**
 * Creates (or tops up) a deterministic demo workspace: the same users and, as modules land, the
 * same customers, purchases, cases and surveys. Safe to run twice; an existing workspace (made
 * with `centric workspace create`) gains the demo data too.
 */
export async function seedDemo(db: Executor, opts: { slug: string }): Promise<SeededWorkspace> {
  const seeded = await ensureWorkspaceWithOwner(db, {
    slug: opts.slug,
    name: opts.slug === 'demo' ? 'Demo Company' : opts.slug,
    timezone: 'Europe/Berlin',
  })
  const actor = systemActor(seeded.workspace.id)
  const existing = await db
    .selectFrom('users as u')
    .innerJoin('logins as l', 'l.id', 'u.login_id')
    .select('l.email')
    .where('u.workspace_id', '=', seeded.workspace.id)
    .execute()
  const emails = new Set(existing.map((r) => r.email))
  for (const member of TEAM) {
    const email = `${member.local}@${opts.slug}.centric.local`
    if (emails.has(email)) continue
    // Team members get random passwords nobody sees; the owner can reset them from Settings.
    await createUser(db, actor, { email, name: member.name, role: member.role, password: randomPassword() })
  }
  const staff = await db
    .selectFrom('users')
    .select('id')
    .where('workspace_id', '=', seeded.workspace.id)
    .where('role', 'in', ['manager', 'agent'])
    .orderBy('id')
    .execute()
  await seedDemoCustomers(
    db,
    seeded.workspace.id,
    staff.map((u) => u.id),
  )
  await seedDemoValue(db, actor)
  await seedDemoService(db, seeded.workspace.id)
  await seedDemoEmpowerment(db, seeded.workspace.id)
  await seedDemoFeedback(db, seeded.workspace.id)
  return seeded
}
