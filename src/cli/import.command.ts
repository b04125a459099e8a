import fs from 'node:fs'
import path from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import cliProgress from 'cli-progress'
import { Argument, type Command, Option } from 'commander'
import {
  createImportJob,
  exportCsv,
  type FileImportResult,
  IMPORT_KINDS,
  type ImportKind,
  ImportOptions,
  runImportJob,
} from '../modules/imports/index.js'
import { getWorkspaceBySlug, systemActor } from '../modules/platform/index.js'
import { withDatabase } from './with-database.js'

interface ImportFlags {
  workspace: string
  map: string[]
  skipInvalid?: boolean
  unknownCustomers: 'create' | 'fail'
  delimiter?: string
  format: 'csv' | 'cdnow'
  json?: boolean
}

/** Row errors printed after an import; the job keeps up to 10,000. */
const ERRORS_PRINTED = 20

const collect = (value: string, previous: string[]) => [...previous, value]

function parseMapping(pairs: string[]): Record<string, string> {
  const mapping: Record<string, string> = {}
  for (const pair of pairs) {
    const at = pair.indexOf('=')
    if (at < 1) throw new Error(`--map takes canonical=Header, e.g. external_id="Order ID" (got ${pair})`)
    mapping[pair.slice(0, at).trim()] = pair.slice(at + 1).trim()
  }
  return mapping
}

const DELIMITER_NAMES: Record<string, string> = {
  tab: '\t',
  '\\t': '\t',
  comma: ',',
  semicolon: ';',
  pipe: '|',
}

function summary(file: string, result: FileImportResult, jobId: string): string {
  const n = (v: number) => v.toLocaleString('en-US')
  const lines = [
    `${result.status === 'succeeded' ? 'imported' : 'import failed:'} ${path.basename(file)}: ${n(result.rowsRead)} rows read, ` +
      `${n(result.inserted)} inserted, ${n(result.updated)} updated, ${n(result.unchanged)} unchanged, ${n(result.invalid)} invalid`,
  ]
  if (result.customersCreated || result.productsCreated)
    lines.push(
      `created ${n(result.customersCreated)} customers and ${n(result.productsCreated)} products named in the file`,
    )
  if (result.aliased) lines.push(`${n(result.aliased)} rows named merged customers by their old external id`)
  if (result.ignoredColumns.length) lines.push(`ignored columns: ${result.ignoredColumns.join(', ')}`)
  if (result.message) lines.push(result.message)
  for (const e of result.errors.slice(0, ERRORS_PRINTED))
    lines.push(`  line ${e.line}, ${e.column}${e.value === null ? '' : ` "${e.value}"`}: ${e.reason}`)
  if (result.invalid > 0 && result.errors.length > ERRORS_PRINTED)
    lines.push(`  ... all errors: GET /api/imports/${jobId}/errors.csv`)
  return lines.join('\n')
}

/** Adds `import customers|purchases FILE` and `export customers|purchases --out FILE`. */
export function registerImportCommands(program: Command): void {
  program
    .command('import')
    .description('import customers or purchases from a CSV file of any size (upsert by external_id)')
    .addArgument(new Argument('<kind>', 'what the file holds').choices(IMPORT_KINDS))
    .argument('<file>', 'CSV file with a header line')
    .option('--workspace <slug>', 'workspace slug', 'demo')
    .option('--map <column=header>', 'read a canonical column from another header (repeatable)', collect, [])
    .option('--skip-invalid', 'write the valid rows and report the others (default: all or nothing)')
    .addOption(
      new Option('--unknown-customers <mode>', 'purchases naming an unknown customer')
        .choices(['create', 'fail'])
        .default('create'),
    )
    .option('--delimiter <char>', 'field separator: , ; | or tab (default: detected from the header)')
    .addOption(
      new Option('--format <format>', 'cdnow: the CDNOW transaction log')
        .choices(['csv', 'cdnow'])
        .default('csv'),
    )
    .option('--json', 'print the result as JSON')
    .action(async (kind: ImportKind, file: string, flags: ImportFlags) => {
      if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new Error(`no such file: ${file}`)
      const options = ImportOptions.parse({
        mapping: flags.map.length ? parseMapping(flags.map) : undefined,
        skipInvalid: flags.skipInvalid ?? false,
        unknownCustomers: flags.unknownCustomers,
        delimiter:
          flags.delimiter === undefined ? undefined : (DELIMITER_NAMES[flags.delimiter] ?? flags.delimiter),
        format: flags.format,
      })
      const { job, result } = await withDatabase(async (database) => {
        const ws = await getWorkspaceBySlug(database.db, flags.workspace)
        const actor = systemActor(ws.id)
        const fileBytes = fs.statSync(file).size
        const job = await createImportJob(database.db, actor, {
          kind,
          fileName: path.basename(file),
          fileBytes,
          options,
        })
        const bar = new cliProgress.SingleBar(
          {
            format: '{phase} [{bar}] {percentage}% | {rows} rows | {speed} rows/s | ETA {eta_formatted}',
            stream: process.stderr,
            hideCursor: true,
          },
          cliProgress.Presets.shades_classic,
        )
        const started = Date.now()
        bar.start(fileBytes, 0, { phase: 'reading', rows: 0, speed: 0 })
        try {
          const result = await runImportJob(database, actor, job, { path: file, options }, (p) => {
            const seconds = Math.max((Date.now() - started) / 1000, 0.001)
            bar.update(p.bytesRead, {
              phase: p.phase.padEnd(10),
              rows: p.rowsRead.toLocaleString('en-US'),
              speed: Math.round(p.rowsRead / seconds).toLocaleString('en-US'),
            })
          })
          return { job, result }
        } finally {
          bar.stop()
        }
      })
      console.log(flags.json ? JSON.stringify({ id: job.id, ...result }) : summary(file, result, job.id))
      // Set after the database is closed: the embedded database's shutdown resets the exit code.
      if (result.status !== 'succeeded') process.exitCode = 1
    })

  program
    .command('export')
    .description('write all customers or purchases as CSV with the canonical columns (streamed)')
    .addArgument(new Argument('<kind>', 'what to export').choices(IMPORT_KINDS))
    .requiredOption('--out <file>', 'CSV file to write')
    .option('--workspace <slug>', 'workspace slug', 'demo')
    .action(async (kind: ImportKind, flags: { out: string; workspace: string }) => {
      const bytes = await withDatabase(async (database) => {
        const ws = await getWorkspaceBySlug(database.db, flags.workspace)
        await pipeline(Readable.from(exportCsv(database, ws.id, kind)), fs.createWriteStream(flags.out))
        return fs.statSync(flags.out).size
      })
      console.log(`exported ${kind} to ${flags.out} (${bytes.toLocaleString('en-US')} bytes)`)
    })
}
