// Runs every bench/*.bench.ts (or those named on the command line) and prints one line per
// figure: `BENCH {"name":…,"value":…,"unit":…,"target":…,"baseline":…,"met":…}` (one JSON object), stable
// and machine-readable whatever the names contain.
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import type { Figure } from './bench-support.js'

const dir = path.dirname(fileURLToPath(import.meta.url))
const only = process.argv.slice(2)
const files = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort()
let missed = 0
for (const file of files) {
  const mod = (await import(pathToFileURL(path.join(dir, file)).href)) as { default: () => Promise<Figure[]> }
  for (const f of await mod.default()) {
    const met = f.target === undefined ? undefined : f.value <= f.target
    if (met === false) missed++
    const round = (v: number | undefined) => (v === undefined ? undefined : Number(v.toPrecision(4)))
    console.log(
      `BENCH ${JSON.stringify({ name: f.name, value: round(f.value), unit: f.unit, target: f.target, baseline: round(f.baseline), met })}`,
    )
  }
}
process.exitCode = missed ? 1 : 0
