import { sql } from 'kysely'
import { expect, it } from 'vitest'
import { describeEachDb } from '../../../test/test-app.js'
import { createCustomer } from '../customers/index.js'
import { createUser, systemActor } from '../platform/index.js'
import { createCase } from '../service/index.js'
import { seedDemoEmpowerment } from './seed-empowerment.js'

describeEachDb('demo empowerment seed', (t) => {
  it('adds action types, policies, grants and pending approvals once', async () => {
    const ws = await t.newWorkspace()
    const actor = systemActor(ws.workspace.id)
    for (const [name, role] of [
      ['Maya', 'manager'],
      ['Jonas', 'agent'],
    ] as const)
      await createUser(t.db, actor, { email: `${name}@seed.test`, name, role, password: 'long enough pw' })
    for (let i = 0; i < 12; i++) {
      const customer = await createCustomer(t.db, actor, { name: `Customer ${i}` })
      await createCase(t.db, actor, { channel: 'email', customerId: customer.id, subject: `Case ${i}` })
    }
    const counts = async () =>
      (
        await sql<{ ledger: number; approved: number; pending: number; actions: number; policies: number }>`
          SELECT
            (SELECT count(*) FROM grant_ledger WHERE workspace_id = ${ws.workspace.id})::int AS ledger,
            (SELECT count(*) FROM grant_ledger WHERE workspace_id = ${ws.workspace.id} AND approval_id IS NOT NULL)::int AS approved,
            (SELECT count(*) FROM grant_approvals WHERE workspace_id = ${ws.workspace.id} AND status = 'pending')::int AS pending,
            (SELECT count(*) FROM grant_action_types WHERE workspace_id = ${ws.workspace.id})::int AS actions,
            (SELECT count(*) FROM authority_policies WHERE workspace_id = ${ws.workspace.id})::int AS policies`.execute(
          t.db,
        )
      ).rows[0]
    await seedDemoEmpowerment(t.db, ws.workspace.id)
    // Six grants within the agents' 50 per grant, three above it: one approved, two waiting.
    const first = await counts()
    expect(first).toEqual({ ledger: 7, approved: 1, pending: 2, actions: 6, policies: 3 })
    await seedDemoEmpowerment(t.db, ws.workspace.id)
    expect(await counts()).toEqual(first)
  })
})
