// Runs every bench/*.bench.ts (or those named on the command line) and prints one line per
// figure: `BENCH <name> <value> <unit> target=<t> baseline=<b>`, stable and machine-readable.
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

interface Figure {
  name: string
  value: number
  unit: string
  target?: number
  baseline?: number
}

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
    const met = f.target === undefined ? '' : f.value <= f.target ? ' ok' : ' MISSED'
    if (met === ' MISSED') missed++
    const extra = [
      f.target !== undefined ? `target=${f.target}` : '',
      f.baseline !== undefined ? `baseline=${f.baseline}` : '',
    ]
    console.log(
      `BENCH ${f.name} ${Number(f.value.toPrecision(4))} ${f.unit} ${extra.filter(Boolean).join(' ')}${met}`.trim(),
    )
  }
}
process.exitCode = missed ? 1 : 0
