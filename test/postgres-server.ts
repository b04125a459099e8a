import { execFileSync, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'

/** Debian's PostgreSQL binaries; the test command installs the package when missing. */
export function findPostgresBin(): string | undefined {
  const root = '/usr/lib/postgresql'
  if (!fs.existsSync(root)) return undefined
  const versions = fs.readdirSync(root).filter((v) => fs.existsSync(path.join(root, v, 'bin', 'initdb')))
  const version = versions.sort((a, b) => Number(a) - Number(b))[0]
  return version ? path.join(root, version, 'bin') : undefined
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

export interface TestPostgres {
  url: (database: string) => string
  stop: () => void
}

/**
 * initdb + postgres on a temporary folder and a free loopback port. Both refuse to run as root,
 * so as root they run as the `postgres` user on a folder that user owns.
 */
export async function startTestPostgres(): Promise<TestPostgres> {
  const bin = findPostgresBin()
  if (!bin)
    throw new Error(
      'PostgreSQL is not installed: run `npm test` (it installs it) or `apt-get install -y postgresql`',
    )
  const asRoot = process.getuid?.() === 0
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'centric-pg-'))
  if (asRoot) execFileSync('chown', ['postgres:postgres', dir])
  const run = (cmd: string, args: string[]) => {
    const [file, argv] = asRoot
      ? ['runuser', ['-u', 'postgres', '--', path.join(bin, cmd), ...args]]
      : [path.join(bin, cmd), args]
    const res = spawnSync(file, argv as string[], { encoding: 'utf8' })
    if (res.status !== 0) throw new Error(`${cmd} failed: ${res.stderr || res.stdout}`)
  }
  const data = path.join(dir, 'data')
  run('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync'])
  const port = await freePort()
  // Durability settings off: a test cluster is thrown away, and this makes CREATE DATABASE cheap.
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300 -c shared_buffers=256MB`
  run('pg_ctl', ['-D', data, '-o', options, '-l', path.join(dir, 'log'), '-w', 'start'])
  return {
    url: (database) => `postgres://postgres@127.0.0.1:${port}/${database}`,
    stop: () => {
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', 'stop'])
      } finally {
        fs.rmSync(dir, { recursive: true, force: true })
      }
    },
  }
}
