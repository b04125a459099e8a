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
})
