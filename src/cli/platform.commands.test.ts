import { execFile } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { pgliteTemplateDir, ROOT } from '../../test/test-env.js'
import { openPgliteDatabase } from '../db/dialects/pglite.js'

const run = promisify(execFile)
const BIN = path.join(ROOT, 'bin', 'centric.js')

describe('centric CLI on the embedded database', () => {
  let dataDir: string
  const cli = (...args: string[]) =>
    run(process.execPath, [BIN, ...args], {
      env: { ...process.env, CENTRIC_DATA_DIR: dataDir, DATABASE_URL: '' },
      cwd: ROOT,
    })

  beforeAll(() => {
    dataDir = path.join(inject('runDir'), `cli-${process.pid}`)
    fs.cpSync(pgliteTemplateDir(inject('runDir')), dataDir, { recursive: true })
  })
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }))

  it('seeds the demo once, then prints a working token alone on the last line', async () => {
    const first = await cli('demo')
    expect(first.stdout).toMatch(/owner login: owner@demo\.centric\.local \/ \S{16,}/)
    const second = await cli('demo')
    expect(second.stdout).not.toMatch(/owner login/) // the password is shown on first creation only
    const { stdout } = await cli('token', 'create', '--workspace', 'demo', '--role', 'admin')
    const last = stdout.trim().split('\n').pop()
    expect(last).toMatch(/^ctk_[0-9a-f]{32}_[\w-]{43}$/)
  })

  it('creates a second workspace and fills it with the demo too', async () => {
    await cli('workspace', 'create', '--slug', 'other', '--name', 'Other Co')
    const { stdout } = await cli('demo', '--workspace', 'other')
    expect(stdout).toContain('demo data ready in workspace other')
    const { db, close } = await openPgliteDatabase(dataDir)
    try {
      const users = await db
        .selectFrom('users as u')
        .innerJoin('workspaces as w', 'w.id', 'u.workspace_id')
        .select('u.name')
        .where('w.slug', '=', 'other')
        .execute()
      expect(users.map((u) => u.name)).toContain('Maya Patel')
    } finally {
      await close()
    }
  })

  it('fails clearly with a non-zero exit code on bad input', async () => {
    const err = await cli('token', 'create', '--workspace', 'nope').catch(
      (e: { code: number; stderr: string }) => e,
    )
    expect(err).toMatchObject({ code: 1 })
    expect((err as { stderr: string }).stderr).toContain('no workspace with slug nope')
    const role = await cli('user', 'add', '--workspace', 'demo', '--email', 'a@b.c', '--role', 'king').catch(
      (e) => e,
    )
    expect(role.code).toBe(1)
  })

  it('refuses to touch a data folder that another process holds', async () => {
    const held = await openPgliteDatabase(dataDir)
    try {
      const err = await cli('migrate').catch((e: { code: number; stderr: string }) => e)
      expect(err).toMatchObject({ code: 1 })
      expect((err as { stderr: string }).stderr).toMatch(/in use by process \d+/)
    } finally {
      await held.close()
    }
    expect((await cli('migrate')).stdout).toContain('schema is up to date')
  })
})
