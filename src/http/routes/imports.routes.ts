import { Readable } from 'node:stream'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  createImportJob,
  DELIMITERS,
  exportCsv,
  failInterruptedImports,
  getImportJob,
  IMPORT_KINDS,
  ImportError,
  ImportJobDetailView,
  ImportJobView,
  ImportOptions,
  importErrorsCsv,
  listImportJobs,
  MappingPreviewView,
  PreviewMappingInput,
  previewMapping,
  runImportJob,
} from '../../modules/imports/index.js'
import { DomainError } from '../../shared/domain-error.js'
import { PageQuery, pageOf } from '../../shared/pagination.js'
import { acceptCsvUploads, CsvUpload } from '../plugins/csv-upload.js'

const MAX_UPLOAD_BYTES = 2 * 1024 ** 3

const Params = z.object({ id: z.string().max(100) })
const StartImportQuery = z.object({
  kind: z.enum(IMPORT_KINDS),
  fileName: z.string().trim().min(1).max(255).default('upload.csv'),
  skipInvalid: z.enum(['true', 'false']).default('false'),
  unknownCustomers: ImportOptions.shape.unknownCustomers,
  mapping: z.string().max(10_000).optional().describe('JSON object: canonical column → header in the file'),
  delimiter: z.enum(DELIMITERS).optional(),
  format: ImportOptions.shape.format,
})

function parseMapping(text: string | undefined): Record<string, string> | undefined {
  if (text === undefined) return undefined
  try {
    return z.record(z.string().max(60), z.string().max(200)).parse(JSON.parse(text))
  } catch {
    throw new ImportError('INVALID_MAPPING', 'mapping must be a JSON object of column names to headers', {
      fields: [{ path: 'querystring.mapping', message: 'e.g. {"external_id":"Order ID"}' }],
    })
  }
}

export const importsRoutes: FastifyPluginAsyncZod = async (app) => {
  acceptCsvUploads(app, MAX_UPLOAD_BYTES)
  if (app.dbKind === 'pglite') await failInterruptedImports(app.db)
  // Imports run in this process after the response; closing the app waits for them.
  const running = new Set<Promise<unknown>>()
  app.addHook('onClose', async () => {
    await Promise.allSettled(running)
  })

  app.post(
    '/api/imports',
    {
      schema: {
        tags: ['imports'],
        summary: 'Start an import of a customers or purchases CSV file',
        description:
          'Send the file as the request body (`Content-Type: text/csv`, up to 2 GB). The import runs in ' +
          'the background: poll `GET /api/imports/{id}` for its phase, progress and row errors.',
        querystring: StartImportQuery,
        response: { 202: ImportJobView },
      },
      bodyLimit: MAX_UPLOAD_BYTES,
      config: { permission: 'customers:import' },
    },
    async (req, reply) => {
      const upload = req.body
      if (!(upload instanceof CsvUpload)) {
        throw new DomainError(
          'invalid',
          'CSV_BODY_REQUIRED',
          'send the file as the request body with Content-Type: text/csv',
        )
      }
      const { kind, fileName, skipInvalid, mapping, ...rest } = req.query
      const options = ImportOptions.parse({
        ...rest,
        skipInvalid: skipInvalid === 'true',
        mapping: parseMapping(mapping),
      })
      const job = await createImportJob(app.db, req.actor, {
        kind,
        fileName,
        fileBytes: upload.bytes,
        options,
      })
      upload.claimed = true
      const task = runImportJob({ db: app.db, raw: app.raw }, req.actor, job, { path: upload.path, options })
        .catch((error) => {
          if (!(error instanceof DomainError))
            app.log.error({ err: error, importId: job.id }, 'import failed')
        })
        .finally(() => {
          upload.discard()
          running.delete(task)
        })
      running.add(task)
      return reply.code(202).header('location', `/api/imports/${job.id}`).send(job)
    },
  )
  app.post(
    '/api/imports/preview-mapping',
    {
      schema: {
        tags: ['imports'],
        summary: 'The column mapping an import would apply to a file with these headers',
        description:
          'Send the header names of the file (and optionally an explicit mapping); nothing is stored. ' +
          'The answer lists every column with the header it would be read from, the ignored headers and ' +
          'the required columns still missing.',
        body: PreviewMappingInput,
        response: { 200: MappingPreviewView },
      },
      config: { permission: 'customers:import' },
    },
    async (req) => previewMapping(req.body),
  )
  app.get(
    '/api/imports',
    {
      schema: {
        tags: ['imports'],
        summary: 'List imports, newest first',
        querystring: PageQuery,
        response: { 200: pageOf(ImportJobView) },
      },
      config: { permission: 'customers:import' },
    },
    async (req) => listImportJobs(app.db, req.actor.workspaceId, req.query),
  )
  app.get(
    '/api/imports/:id',
    {
      schema: {
        tags: ['imports'],
        summary: 'An import: status, phase, progress, counts and the first 1,000 row errors',
        params: Params,
        response: { 200: ImportJobDetailView },
      },
      config: { permission: 'customers:import' },
    },
    async (req) => getImportJob(app.db, req.actor.workspaceId, req.params.id),
  )
  app.get(
    '/api/imports/:id/errors.csv',
    {
      schema: {
        tags: ['imports'],
        summary: "An import's row errors as CSV (line, column, value, reason)",
        params: Params,
      },
      config: { permission: 'customers:import' },
    },
    async (req, reply) => {
      const csv = await importErrorsCsv(app.db, req.actor.workspaceId, req.params.id)
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="import-${req.params.id}-errors.csv"`)
        .send(csv)
    },
  )
  for (const kind of IMPORT_KINDS) {
    app.get(
      `/api/exports/${kind}.csv`,
      {
        schema: {
          tags: ['imports'],
          summary: `Export all ${kind} as CSV with the canonical columns (streamed)`,
        },
        config: { permission: 'customers:import' },
      },
      async (req, reply) =>
        reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="${kind}.csv"`)
          .send(Readable.from(exportCsv({ db: app.db, raw: app.raw }, req.actor.workspaceId, kind))),
    )
  }
}
