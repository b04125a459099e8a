#!/usr/bin/env node
// The whole test suite: installs what the tests need (PostgreSQL server binaries and Chromium
// from Debian when missing), builds the web app, runs every suite (unit, both databases,
// browser), and ends with one line `tests: N passed, N failed` read from the runner's JSON report.
import { execSync, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '..')
const reportDir = path.join(root, '.test-tmp')
const report = path.join(reportDir, 'vitest-report.json')

function hasPostgres() {
  const dir = '/usr/lib/postgresql'
  return (
    fs.existsSync(dir) && fs.readdirSync(dir).some((v) => fs.existsSync(path.join(dir, v, 'bin', 'initdb')))
  )
}

function ensureSystemPackages() {
  const missing = []
  if (!hasPostgres()) missing.push('postgresql')
  if (!fs.existsSync('/usr/bin/chromium')) missing.push('chromium')
  if (missing.length === 0) return
  if (process.getuid?.() !== 0) {
    console.error(
      `missing system packages: ${missing.join(' ')} — install them with: sudo apt-get install -y ${missing.join(' ')}`,
    )
    process.exit(1)
  }
  console.log(`installing ${missing.join(', ')} from Debian...`)
  execSync(
    `apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${missing.join(' ')} >/dev/null`,
    {
      stdio: 'inherit',
      shell: '/bin/bash',
    },
  )
}

ensureSystemPackages()
execSync('npm run build:web --silent', { cwd: root, stdio: 'inherit' })
fs.mkdirSync(reportDir, { recursive: true })
fs.rmSync(report, { force: true })

const args = [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${report}`,
  ...process.argv.slice(2),
]
const run = spawnSync('npx', args, { cwd: root, stdio: 'inherit' })

let passed = 0
let failed = 0
if (fs.existsSync(report)) {
  const result = JSON.parse(fs.readFileSync(report, 'utf8'))
  passed = result.numPassedTests ?? 0
  failed = result.numFailedTests ?? 0
  // A suite that crashed before its tests ran counts as one failure, so it cannot pass silently.
  const brokenFiles = (result.testResults ?? []).filter(
    (f) => f.status === 'failed' && (f.assertionResults ?? []).length === 0,
  )
  failed += brokenFiles.length
} else {
  failed = 1
}
if (run.status !== 0 && failed === 0) failed = 1
console.log(`tests: ${passed} passed, ${failed} failed`)
process.exit(run.status === 0 && failed === 0 ? 0 : 1)
