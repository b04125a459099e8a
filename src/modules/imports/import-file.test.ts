import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { expect, it } from 'vitest'
import { describeEachDb } from '../../../test/test-app.js'
import { systemActor } from '../platform/index.js'
import { createImportJob, failInterruptedImports, ImportOptions, importFile } from './index.js'

describeEachDb('importFile', (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'centric-import-'))
  const write = (name: string, text: string) => {
    const file = path.join(dir, name)
    fs.writeFileSync(file, text)
    return file
  }

  it('reads dates and times without an offset in the workspace time zone', async () => {
    const ws = await t.newWorkspace()
    await t.db
      .updateTable('workspaces')
      .set({ timezone: 'Europe/Berlin' })
      .where('id', '=', ws.workspace.id)
      .execute()
    const file = write(
      'tz.csv',
      [
        'external_id,customer_external_id,occurred_at,amount',
        'Z1,C,2026-01-05,1',
        'Z2,C,2026-07-01 12:00,1',
        'Z3,C,2026-07-01T12:00:00Z,1',
        'Z4,C,2026-07-01T12:00:00.25-03:30,1',
        'Z5,C,20260105,1',
      ].join('\n'),
    )
    const result = await importFile({ db: t.db, raw: t.app.raw }, systemActor(ws.workspace.id), {
      kind: 'purchases',
      path: file,
    })
    expect(result).toMatchObject({ status: 'succeeded', inserted: 5 })
    const rows = await t.db
      .selectFrom('purchases')
      .select(['external_id', 'occurred_at'])
      .where('workspace_id', '=', ws.workspace.id)
      .orderBy('external_id')
      .execute()
    expect(rows.map((r) => [r.external_id, r.occurred_at.toISOString()])).toEqual([
      ['Z1', '2026-01-04T23:00:00.000Z'],
      ['Z2', '2026-07-01T10:00:00.000Z'],
      ['Z3', '2026-07-01T12:00:00.000Z'],
      ['Z4', '2026-07-01T15:30:00.250Z'],
      ['Z5', '2026-01-04T23:00:00.000Z'],
    ])
  })

  it('marks imports that a stopped process left running as failed', async () => {
    const ws = await t.newWorkspace()
    const job = await createImportJob(t.db, systemActor(ws.workspace.id), {
      kind: 'customers',
      fileName: 'x.csv',
      fileBytes: 1,
      options: ImportOptions.parse({}),
    })
    expect(await failInterruptedImports(t.db)).toBeGreaterThanOrEqual(1)
    const row = await t.db
      .selectFrom('import_jobs')
      .selectAll()
      .where('id', '=', job.id)
      .executeTakeFirstOrThrow()
    expect(row).toMatchObject({ status: 'failed', message: expect.stringMatching(/interrupted/) })
  })

  it('leaves no purchase without its customer when a merge lands during the write', async (ctx) => {
    // Two sessions at once: the embedded database has one.
    if (t.kind === 'pglite') ctx.skip()
    const ws = await t.newWorkspace()
    const post = async (payload: object) =>
      (await t.request({ method: 'POST', url: '/api/customers', headers: ws.headers, payload })).json()
    const keep = await post({ externalId: 'KEEP', name: 'Keep' })
    const gone = await post({ externalId: 'GONE', name: 'Gone' })
    const lines = ['external_id,customer_external_id,occurred_at,amount']
    for (let i = 0; i < 400; i++)
      lines.push(`R${i},${i % 2 ? 'GONE' : 'KEEP'},2026-03-0${1 + (i % 9)},${10 + (i % 7)}`)
    const file = write('race.csv', lines.join('\n'))
    let merge: Promise<{ statusCode: number; body: string }> | undefined
    const result = await importFile({ db: t.db, raw: t.app.raw }, systemActor(ws.workspace.id), {
      kind: 'purchases',
      path: file,
      onProgress: (p) => {
        if (p.phase === 'writing' && !merge)
          merge = t.request({
            method: 'POST',
            url: `/api/customers/${keep.id}/merge`,
            headers: ws.headers,
            payload: { mergedId: gone.id },
          })
      },
    })
    expect(result).toMatchObject({ status: 'succeeded', inserted: 400 })
    const merged = await merge!
    expect(merged.statusCode, merged.body).toBe(200)
    const orphans = await t.db
      .selectFrom('purchases as p')
      .select('p.external_id')
      .where('p.workspace_id', '=', ws.workspace.id)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('customers as c')
              .select('c.id')
              .whereRef('c.workspace_id', '=', 'p.workspace_id')
              .whereRef('c.id', '=', 'p.customer_id'),
          ),
        ),
      )
      .execute()
    expect(orphans).toEqual([])
    const { n } = await t.db
      .selectFrom('purchases')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('workspace_id', '=', ws.workspace.id)
      .executeTakeFirstOrThrow()
    expect(Number(n)).toBe(400)
  })
})
